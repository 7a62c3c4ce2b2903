using System.Text.Json;

namespace Pipeline.Functions.Records;

/// <summary>
/// One line of a chunk object: <c>{"index":n,"line":l,"record":…}</c> for JSON records,
/// <c>{"index":n,"line":l,"fields":{…}}</c> for CSV rows and
/// <c>{"index":n,"line":l,"raw":"…","error":"…"}</c> for text that is not a record.
/// <c>index</c> is the 0-based position of the record in the file.
/// </summary>
public readonly record struct RecordEnvelope(long Index, long Line, RecordBodyKind Kind, int BodyStart, int BodyLength, string? Error)
{
    public static ReadOnlySpan<byte> IndexName => "index"u8;
    public static ReadOnlySpan<byte> LineName => "line"u8;
    public static ReadOnlySpan<byte> RecordName => "record"u8;
    public static ReadOnlySpan<byte> FieldsName => "fields"u8;
    public static ReadOnlySpan<byte> RawName => "raw"u8;
    public static ReadOnlySpan<byte> ErrorName => "error"u8;

    /// <summary>Records may nest this deep in a file; deeper input is a malformed file.</summary>
    public const int MaxRecordDepth = 256;

    internal static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxRecordDepth + 8 };

    public ReadOnlySpan<byte> Body(ReadOnlySpan<byte> line) => line.Slice(BodyStart, BodyLength);

    public static RecordEnvelope Parse(ReadOnlySpan<byte> line) =>
        TryParseBodyLast(line, out var envelope) ? envelope : ParseAnyOrder(line);

    /// <summary>
    /// The common shape written by <c>ChunkBuilder</c>, <c>{"index":n,"line":l,"record"|"fields":body}</c>,
    /// read without a JSON reader: the body runs to the envelope's closing brace, so a record is
    /// read once (by the validator) instead of twice.
    /// </summary>
    private static bool TryParseBodyLast(ReadOnlySpan<byte> line, out RecordEnvelope envelope)
    {
        envelope = default;
        var rest = line;
        if (!LineScanner.Expect(ref rest, "{\"index\":"u8) || !LineScanner.Number(ref rest, out var index) ||
            !LineScanner.Expect(ref rest, ",\"line\":"u8) || !LineScanner.Number(ref rest, out var lineNumber))
        {
            return false;
        }

        RecordBodyKind kind;
        if (LineScanner.Expect(ref rest, ",\"record\":"u8))
        {
            kind = RecordBodyKind.Json;
        }
        else if (LineScanner.Expect(ref rest, ",\"fields\":"u8))
        {
            kind = RecordBodyKind.TextFields;
        }
        else
        {
            return false;
        }

        if (rest.Length < 2 || rest[^1] != (byte)'}')
        {
            return false;
        }

        envelope = new RecordEnvelope(index, lineNumber, kind, line.Length - rest.Length, rest.Length - 1, null);
        return true;
    }

    private static RecordEnvelope ParseAnyOrder(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, ReaderOptions);
        long index = -1;
        long lineNumber = -1;
        var kind = RecordBodyKind.Json;
        int bodyStart = -1;
        var bodyLength = 0;
        string? error = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotAnEnvelope(line);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(IndexName))
                {
                    reader.Read();
                    index = reader.GetInt64();
                    continue;
                }

                if (reader.ValueTextEquals(LineName))
                {
                    reader.Read();
                    lineNumber = reader.GetInt64();
                    continue;
                }

                if (reader.ValueTextEquals(ErrorName))
                {
                    reader.Read();
                    error = reader.GetString();
                    continue;
                }

                kind = reader.ValueTextEquals(RecordName) ? RecordBodyKind.Json
                    : reader.ValueTextEquals(FieldsName) ? RecordBodyKind.TextFields
                    : reader.ValueTextEquals(RawName) ? RecordBodyKind.Unreadable
                    : throw NotAnEnvelope(line);
                reader.Read();
                bodyStart = (int)reader.TokenStartIndex;
                reader.Skip();
                bodyLength = (int)reader.BytesConsumed - bodyStart;
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"chunk line is not a record envelope: {exception.Message}", exception);
        }

        if (index < 0 || lineNumber < 0 || bodyStart < 0 || (kind == RecordBodyKind.Unreadable && error is null))
        {
            throw NotAnEnvelope(line);
        }

        return new RecordEnvelope(index, lineNumber, kind, bodyStart, bodyLength, error);
    }

    private static InvalidOperationException NotAnEnvelope(ReadOnlySpan<byte> line)
    {
        var text = System.Text.Encoding.UTF8.GetString(line[..Math.Min(line.Length, 200)]);
        return new InvalidOperationException($"chunk line is not a record envelope: {text}");
    }
}

/// <summary>How a chunk line carries its record.</summary>
public enum RecordBodyKind
{
    /// <summary>The record's JSON value as it appeared in the file.</summary>
    Json,

    /// <summary>A CSV row: an object of column name to text.</summary>
    TextFields,

    /// <summary>Text that could not be read as a record, with the reason.</summary>
    Unreadable,
}
