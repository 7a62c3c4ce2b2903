namespace Pipeline.Functions.Records;

/// <summary>
/// Enumerates the lines of UTF-8 text without allocating: a line ends at '\n' (a preceding '\r'
/// is dropped); a final '\n' does not start another line. Blank lines are returned too.
/// </summary>
public ref struct NdjsonLines
{
    private ReadOnlySpan<byte> rest;
    private int nextOffset;
    private bool finished;

    public NdjsonLines(ReadOnlySpan<byte> text)
    {
        rest = text;
        finished = text.IsEmpty;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>1-based number of <see cref="Current"/>.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of <see cref="Current"/> from the start of the text.</summary>
    public int Offset { get; private set; }

    public readonly NdjsonLines GetEnumerator() => this;

    public bool MoveNext()
    {
        if (finished)
        {
            return false;
        }

        Offset = nextOffset;
        var newline = rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (newline < 0)
        {
            line = rest;
            rest = default;
            finished = true;
        }
        else
        {
            line = rest[..newline];
            rest = rest[(newline + 1)..];
            nextOffset += newline + 1;
            finished = rest.IsEmpty;
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        Current = line;
        LineNumber++;
        return true;
    }

    /// <summary>True when the line holds only spaces and tabs.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;
}
