using System.Buffers;
using System.Text;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Reads CSV with a header row: comma separated, fields optionally quoted with '"' ("" inside a
/// quoted field is a quote, quoted fields may span lines), rows end with LF or CRLF. A broken
/// header or a quote that never closes fails the file (no later row boundary can be trusted); a
/// row with a stray quote or the wrong number of fields is quarantined with the reason.
/// Header names are trimmed; blank lines are skipped. A row is read once all of it is in the
/// input; until then it is read again from its start when more input arrives.
/// </summary>
internal sealed class CsvRecordsReader : IRecordsReader
{
    private readonly string file;
    private readonly ChunkBuilder chunks;
    private readonly List<string> fields = [];
    private readonly ArrayBufferWriter<byte> quoted = new();
    private string[]? header;
    private long resume;
    private long line = 1;

    public CsvRecordsReader(long contentStart, string file, ChunkBuilder chunks)
    {
        resume = contentStart;
        this.file = file;
        this.chunks = chunks;
    }

    public long Read(ReadOnlySpan<byte> data, long dataOffset, bool isFinal)
    {
        while (!chunks.IsFull)
        {
            var content = data[(int)(resume - dataOffset)..];
            if (content.IsEmpty)
            {
                break;
            }

            var rowStart = resume;
            var rowLine = line;
            var position = 0;
            var lineAfterRow = line;
            if (ReadRow(content, ref position, ref lineAfterRow, isFinal, rowStart) is not { } row)
            {
                break;
            }

            resume += position;
            line = lineAfterRow;
            var raw = content[..row.TextEnd];
            if (row.Error is null && NdjsonLines.IsBlank(raw))
            {
                continue;
            }

            if (header is null)
            {
                header = ReadHeader(row.Error, rowStart, rowLine);
                continue;
            }

            if (row.Error is not null)
            {
                chunks.AddUnreadable(rowLine, Encoding.UTF8.GetString(raw), $"line {rowLine}: {row.Error}");
            }
            else if (fields.Count != header.Length)
            {
                chunks.AddUnreadable(rowLine, Encoding.UTF8.GetString(raw), $"line {rowLine}: the row has {fields.Count} field(s) but the header has {header.Length}");
            }
            else
            {
                chunks.AddTextFields(rowLine, header, fields);
            }
        }

        return resume;
    }

    public (long Line, long Byte, string What) PendingRecord(ReadOnlySpan<byte> data, long dataOffset) =>
        (line, resume, "the row (or a quoted field in it that never closes)");

    private string[] ReadHeader(string? error, long rowStart, long rowLine)
    {
        if (error is not null)
        {
            throw new InvalidInput(file, rowLine, rowStart, $"the header row is malformed: {error}");
        }

        var names = fields.Select(f => f.Trim()).ToArray();

        // One column whose name holds another common separator: the file is CSV with that separator, not commas.
        if (names.Length == 1 && OtherSeparator(names[0]) is { } separator)
        {
            throw new InvalidInput(
                file,
                rowLine,
                rowStart,
                $"the header '{names[0]}' has no comma but {separator} between its names: fields must be separated by commas; save the file as comma-separated CSV and upload it again");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new InvalidInput(file, rowLine, rowStart, $"column {i + 1} of the header has no name");
            }

            if (!seen.Add(names[i]))
            {
                throw new InvalidInput(file, rowLine, rowStart, $"the header names column '{names[i]}' twice");
            }
        }

        return names;
    }

    private static string? OtherSeparator(string header) =>
        header.Contains(';', StringComparison.Ordinal) ? "semicolons (;)"
        : header.Contains('\t', StringComparison.Ordinal) ? "tabs"
        : header.Contains('|', StringComparison.Ordinal) ? "bars (|)"
        : null;

    /// <summary>
    /// Reads the row at the start of <paramref name="content"/> into the fields; leaves <paramref name="position"/> after
    /// its line break. Null when the row may go on past the input read so far.
    /// </summary>
    private (int TextEnd, string? Error)? ReadRow(ReadOnlySpan<byte> content, ref int position, ref long line, bool isFinal, long contentOffset)
    {
        fields.Clear();
        while (true)
        {
            if (position < content.Length && content[position] == (byte)'"')
            {
                if (ReadQuoted(content, ref position, ref line, isFinal, contentOffset) is not { } field)
                {
                    return null;
                }

                fields.Add(field);
                if (position >= content.Length)
                {
                    return isFinal ? (position, null) : null;
                }

                var next = content[position];
                if (next == (byte)',')
                {
                    position++;
                    continue;
                }

                if (next == (byte)'\r' && position + 1 == content.Length && !isFinal)
                {
                    return null;
                }

                if (next == (byte)'\n' || (next == (byte)'\r' && position + 1 < content.Length && content[position + 1] == (byte)'\n'))
                {
                    var end = position;
                    position += next == (byte)'\r' ? 2 : 1;
                    line++;
                    return (end, null);
                }

                return SkipRestOfLine(content, ref position, ref line, isFinal, $"unexpected '{(char)next}' after the closing quote of field {fields.Count}");
            }

            var rest = content[position..];
            var stop = rest.IndexOfAny((byte)',', (byte)'\n', (byte)'"');
            if (stop >= 0 && rest[stop] == (byte)'"')
            {
                return SkipRestOfLine(content, ref position, ref line, isFinal, $"a quote appears inside the unquoted field {fields.Count + 1}");
            }

            if (stop < 0 && !isFinal)
            {
                return null;
            }

            var value = stop < 0 ? rest : rest[..stop];
            var textEnd = position + value.Length;
            var atLineEnd = stop < 0 || rest[stop] == (byte)'\n';
            if (atLineEnd && !value.IsEmpty && value[^1] == (byte)'\r')
            {
                value = value[..^1];
                textEnd--;
            }

            fields.Add(Encoding.UTF8.GetString(value));
            if (stop < 0)
            {
                position = content.Length;
                return (textEnd, null);
            }

            position += stop + 1;
            if (rest[stop] == (byte)'\n')
            {
                line++;
                return (textEnd, null);
            }
        }
    }

    private string? ReadQuoted(ReadOnlySpan<byte> content, ref int position, ref long line, bool isFinal, long contentOffset)
    {
        var openedAt = position;
        var openedLine = line;
        quoted.ResetWrittenCount();
        position++;
        while (true)
        {
            var close = content[position..].IndexOf((byte)'"');
            if (close < 0)
            {
                return isFinal
                    ? throw new InvalidInput(file, openedLine, contentOffset + openedAt, "a quoted field opened here never closes")
                    : null;
            }

            var segment = content.Slice(position, close);
            line += segment.Count((byte)'\n');
            quoted.Write(segment);
            position += close + 1;
            if (position == content.Length && !isFinal)
            {
                return null;
            }

            if (position < content.Length && content[position] == (byte)'"')
            {
                quoted.Write("\""u8);
                position++;
                continue;
            }

            return Encoding.UTF8.GetString(quoted.WrittenSpan);
        }
    }

    private static (int TextEnd, string? Error)? SkipRestOfLine(ReadOnlySpan<byte> content, ref int position, ref long line, bool isFinal, string error)
    {
        var newline = content[position..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            if (!isFinal)
            {
                return null;
            }

            position = content.Length;
            return (content.Length, error);
        }

        var end = position + newline;
        position = end + 1;
        line++;
        return (end > 0 && content[end - 1] == (byte)'\r' ? end - 1 : end, error);
    }
}
