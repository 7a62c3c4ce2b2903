using System.Text.Json;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Turns file bytes and reader errors into the 1-based lines and 0-based file bytes InvalidInput reports, counting lines
/// as the input goes by: every position asked about lies at or after the previous one, among the bytes still kept.
/// </summary>
internal sealed class TextPositions
{
    private long countedTo;
    private long lines;
    private long lineStart;

    /// <param name="contentStart">The file byte where the content starts (after a byte order mark): line 1 starts there.</param>
    public TextPositions(long contentStart)
    {
        countedTo = contentStart;
        lineStart = contentStart;
    }

    /// <summary>The line of file byte <paramref name="position"/>; <paramref name="data"/> is kept input starting at file byte <paramref name="dataOffset"/>.</summary>
    public long LineAt(ReadOnlySpan<byte> data, long dataOffset, long position)
    {
        var passed = data[(int)(countedTo - dataOffset)..(int)(position - dataOffset)];
        var newlines = passed.Count((byte)'\n');
        if (newlines > 0)
        {
            lines += newlines;
            lineStart = countedTo + passed.LastIndexOf((byte)'\n') + 1;
        }

        countedTo = position;
        return lines + 1;
    }

    /// <summary>The line, file byte and bare message of a JSON reader's error, the reader having read <paramref name="data"/>.</summary>
    public (long Line, long Byte, string Message) Locate(JsonException exception, ReadOnlySpan<byte> data, long dataOffset)
    {
        var line = exception.LineNumber ?? 0;
        var inLine = exception.BytePositionInLine ?? 0;
        var start = lineStart;
        var position = countedTo;
        for (var counted = lines; counted < line; counted++)
        {
            var next = data[(int)(position - dataOffset)..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            position += next + 1;
            start = position;
        }

        return (line + 1, start + inLine, BareMessage(exception));
    }

    /// <summary>The reader's message without its own "LineNumber: … | BytePositionInLine: …" suffix.</summary>
    public static string BareMessage(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
