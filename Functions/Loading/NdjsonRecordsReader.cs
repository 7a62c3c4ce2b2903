using System.Text;
using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>
/// Reads newline-delimited JSON. Lines are independent, so a line that is not valid JSON does not
/// fail the file: it becomes an unreadable record that is quarantined with the reader's error.
/// Blank lines are skipped.
/// </summary>
internal static class NdjsonRecordsReader
{
    public static void Read(ReadOnlySpan<byte> content, ChunkBuilder chunks)
    {
        var options = new JsonReaderOptions { MaxDepth = RecordEnvelope.MaxRecordDepth };
        var lines = new NdjsonLines(content);
        while (lines.MoveNext())
        {
            var text = lines.Current;
            if (NdjsonLines.IsBlank(text))
            {
                continue;
            }

            var leading = text.Length - text.TrimStart(" \t"u8).Length;
            text = text.Trim(" \t"u8);
            var reader = new Utf8JsonReader(text, options);
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
                    lines.LineNumber,
                    Encoding.UTF8.GetString(text),
                    $"line {lines.LineNumber} is not valid JSON: {TextPositions.BareMessage(exception)} (byte offset {at} in the line)");
                continue;
            }

            chunks.AddJson(lines.LineNumber, text);
        }
    }
}
