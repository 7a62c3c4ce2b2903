using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>Turns offsets and reader errors into the 1-based lines and 0-based file bytes InvalidInput reports.</summary>
internal sealed class TextPositions
{
    private readonly byte[] _data;
    private readonly int _contentOffset;
    private int _countedUpTo;
    private long _linesBefore;

    /// <param name="data">The whole file.</param>
    /// <param name="contentOffset">Where the content starts in the file (after a byte order mark).</param>
    public TextPositions(byte[] data, int contentOffset)
    {
        _data = data;
        _contentOffset = contentOffset;
    }

    public long FileByte(long contentPosition) => _contentOffset + contentPosition;

    /// <summary>Line of a content position; calls with increasing positions cost only the bytes in between.</summary>
    public long LineAt(long contentPosition)
    {
        var target = (int)FileByte(contentPosition);
        if (target < _countedUpTo)
        {
            _countedUpTo = 0;
            _linesBefore = 0;
        }

        _linesBefore += _data.AsSpan(_countedUpTo, target - _countedUpTo).Count((byte)'\n');
        _countedUpTo = target;
        return _linesBefore + 1;
    }

    /// <summary>The line, file byte and bare message of a reader error.</summary>
    public (long Line, long Byte, string Message) Locate(JsonException exception)
    {
        var line = exception.LineNumber ?? 0;
        var inLine = exception.BytePositionInLine ?? 0;
        var content = _data.AsSpan(_contentOffset);
        long lineStart = 0;
        for (long l = 0; l < line; l++)
        {
            var next = content[(int)lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return (line + 1, FileByte(lineStart + inLine), BareMessage(exception));
    }

    /// <summary>The reader's message without its own "LineNumber: … | BytePositionInLine: …" suffix.</summary>
    public static string BareMessage(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
