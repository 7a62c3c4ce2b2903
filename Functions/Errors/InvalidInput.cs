namespace Pipeline.Functions;

/// <summary>
/// An uploaded file that cannot be read as records. The class name is the Step Functions error
/// name (Lambda reports the exception's simple type name), so it must stay <c>InvalidInput</c>.
/// </summary>
public sealed class InvalidInput : Exception
{
    public InvalidInput(string file, long? line, long? bytePosition, string problem)
        : base(Describe(file, line, bytePosition, problem))
    {
        File = file;
        Line = line;
        BytePosition = bytePosition;
        Problem = problem;
    }

    /// <summary>The file as <c>s3://bucket/key</c>.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem, when the format has lines.</summary>
    public long? Line { get; }

    /// <summary>0-based byte offset of the problem from the start of the file.</summary>
    public long? BytePosition { get; }

    public string Problem { get; }

    private static string Describe(string file, long? line, long? bytePosition, string problem)
    {
        var where = (line, bytePosition) switch
        {
            ({ } l, { } b) => $" line {l}, byte {b}",
            ({ } l, null) => $" line {l}",
            (null, { } b) => $" byte {b}",
            _ => string.Empty,
        };
        return $"{file}{where}: {problem}";
    }
}
