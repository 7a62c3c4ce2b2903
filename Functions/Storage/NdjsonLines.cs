namespace Pipeline.Functions;

/// <summary>
/// Enumerates the lines of UTF-8 text without allocating: a line ends at '\n' (a preceding '\r'
/// is dropped); a final '\n' does not start another line. Blank lines are returned too.
/// </summary>
public ref struct NdjsonLines
{
    private ReadOnlySpan<byte> _rest;
    private int _nextOffset;
    private bool _finished;

    public NdjsonLines(ReadOnlySpan<byte> text)
    {
        _rest = text;
        _finished = text.IsEmpty;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>1-based number of <see cref="Current"/>.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of <see cref="Current"/> from the start of the text.</summary>
    public int Offset { get; private set; }

    public readonly NdjsonLines GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_finished)
        {
            return false;
        }

        Offset = _nextOffset;
        var newline = _rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (newline < 0)
        {
            line = _rest;
            _rest = default;
            _finished = true;
        }
        else
        {
            line = _rest[..newline];
            _rest = _rest[(newline + 1)..];
            _nextOffset += newline + 1;
            _finished = _rest.IsEmpty;
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
