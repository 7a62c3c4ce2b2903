using System.Text;
using System.Text.Json;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Reads newline-delimited JSON. Lines are independent, so a line that is not valid JSON does not
/// fail the file: it becomes an unreadable record that is quarantined with the reader's error.
/// Blank lines are skipped. A line ends at '\n' (a preceding '\r' is dropped); a final '\n' does not start another line.
/// </summary>
internal sealed class NdjsonRecordsReader : IRecordsReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = RecordEnvelope.MaxRecordDepth };

    private readonly ChunkBuilder chunks;
    private long resume;
    private long line;

    public NdjsonRecordsReader(long contentStart, ChunkBuilder chunks)
    {
        resume = contentStart;
        this.chunks = chunks;
    }

    public long Read(ReadOnlySpan<byte> data, long dataOffset, bool isFinal)
    {
        var rest = data[(int)(resume - dataOffset)..];
        while (!chunks.IsFull && !rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !isFinal)
            {
                break;
            }

            var length = newline < 0 ? rest.Length : newline;
            var text = rest[..length];
            var advance = newline < 0 ? length : length + 1;
            rest = rest[advance..];
            resume += advance;
            line++;
            if (!text.IsEmpty && text[^1] == (byte)'\r')
            {
                text = text[..^1];
            }

            Add(text);
        }

        return resume;
    }

    public (long Line, long Byte, string What) PendingRecord(ReadOnlySpan<byte> data, long dataOffset) => (line + 1, resume, "the line");

    private void Add(ReadOnlySpan<byte> text)
    {
        if (NdjsonLines.IsBlank(text))
        {
            return;
        }

        var leading = text.Length - text.TrimStart(" \t"u8).Length;
        text = text.Trim(" \t"u8);
        var reader = new Utf8JsonReader(text, Options);
        try
        {
            reader.Read();
            reader.Skip();
            reader.Read();
        }
        catch (JsonException exception)
        {
            var at = leading + (exception.BytePositionInLine ?? 0);
            chunks.AddUnreadable(
                line,
                Encoding.UTF8.GetString(text),
                $"line {line} is not valid JSON: {TextPositions.BareMessage(exception)} (byte offset {at} in the line)");
            return;
        }

        chunks.AddJson(line, text);
    }
}
