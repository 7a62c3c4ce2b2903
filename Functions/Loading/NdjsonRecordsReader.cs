using System.Text;
using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>
/// Reads newline-delimited JSON. Lines are independent, so a line that is not valid JSON does not
/// fail the file: it becomes an unreadable record that is quarantined with the reader's error.
/// Blank lines are skipped. A line ends at '\n' (a preceding '\r' is dropped); a final '\n' does not start another line.
/// </summary>
internal sealed class NdjsonRecordsReader : IRecordsReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = RecordEnvelope.MaxRecordDepth };

    private readonly ChunkBuilder _chunks;
    private long _resume;
    private long _line;

    public NdjsonRecordsReader(long contentStart, ChunkBuilder chunks)
    {
        _resume = contentStart;
        _chunks = chunks;
    }

    public long Read(ReadOnlySpan<byte> data, long dataOffset, bool isFinal)
    {
        var rest = data[(int)(_resume - dataOffset)..];
        while (!_chunks.IsFull && !rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !isFinal)
            {
                break;
            }

            var length = newline < 0 ? rest.Length : newline;
            var line = rest[..length];
            var advance = newline < 0 ? length : length + 1;
            rest = rest[advance..];
            _resume += advance;
            _line++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            Add(line);
        }

        return _resume;
    }

    public (long Line, long Byte, string What) PendingRecord(ReadOnlySpan<byte> data, long dataOffset) => (_line + 1, _resume, "the line");

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
            _chunks.AddUnreadable(
                _line,
                Encoding.UTF8.GetString(text),
                $"line {_line} is not valid JSON: {TextPositions.BareMessage(exception)} (byte offset {at} in the line)");
            return;
        }

        _chunks.AddJson(_line, text);
    }
}
