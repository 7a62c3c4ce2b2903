namespace Pipeline.Functions.Records;

/// <summary>
/// The line format of valid chunks, written by <c>RecordValidator</c> and read by
/// <c>RecordTransformer</c>, both by hand because these lines carry every record:
/// <c>{"index":n,"line":l,"id":"…","value":number,"fields":{…}}</c>. The id is a JSON string with
/// its escapes as they arrived; value and fields are the record's own JSON text.
/// </summary>
public readonly ref struct ValidRecordLine
{
    private static ReadOnlySpan<byte> IndexPrefix => "{\"index\":"u8;
    private static ReadOnlySpan<byte> LinePrefix => ",\"line\":"u8;
    private static ReadOnlySpan<byte> IdPrefix => ",\"id\":\""u8;
    private static ReadOnlySpan<byte> ValuePrefix => "\",\"value\":"u8;
    private static ReadOnlySpan<byte> FieldsPrefix => ",\"fields\":"u8;

    private ValidRecordLine(long index, long line, ReadOnlySpan<byte> id, ReadOnlySpan<byte> value, ReadOnlySpan<byte> fields)
    {
        Index = index;
        Line = line;
        Id = id;
        Value = value;
        Fields = fields;
    }

    public long Index { get; }

    public long Line { get; }

    /// <summary>The id string's JSON text between its quotes (escapes not decoded).</summary>
    public ReadOnlySpan<byte> Id { get; }

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>The kept fields as one JSON object.</summary>
    public ReadOnlySpan<byte> Fields { get; }

    /// <param name="idText">The id's JSON text: a string token (quotes included), or the digits of an integer.</param>
    /// <param name="keptFields">Ranges of <paramref name="record"/> holding <c>"name":value</c> pairs.</param>
    public static void Write(
        NdjsonWriter output,
        RecordPosition position,
        ReadOnlySpan<byte> idText,
        bool idIsNumber,
        ReadOnlySpan<byte> value,
        ReadOnlySpan<byte> record,
        IReadOnlyList<(int Start, int Length)> keptFields)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(keptFields);
        output.WriteRaw(IndexPrefix);
        output.WriteRaw(position.Index);
        output.WriteRaw(LinePrefix);
        output.WriteRaw(position.Line);
        output.WriteRaw(IdPrefix);
        output.WriteRaw(idIsNumber ? idText : idText[1..^1]);
        output.WriteRaw(ValuePrefix);
        output.WriteRaw(value);
        output.WriteRaw(FieldsPrefix);
        output.WriteRaw("{"u8);
        for (var i = 0; i < keptFields.Count; i++)
        {
            if (i > 0)
            {
                output.WriteRaw(","u8);
            }

            var (start, length) = keptFields[i];
            output.WriteRaw(record.Slice(start, length));
        }

        output.WriteRaw("}}"u8);
        output.EndRawLine();
    }

    public static ValidRecordLine Parse(ReadOnlySpan<byte> line)
    {
        var rest = line;
        if (!LineScanner.Expect(ref rest, IndexPrefix) || !LineScanner.Number(ref rest, out var index) ||
            !LineScanner.Expect(ref rest, LinePrefix) || !LineScanner.Number(ref rest, out var lineNumber) ||
            !LineScanner.Expect(ref rest, IdPrefix))
        {
            throw NotAValidRecordLine(line);
        }

        var idLength = StringContentLength(rest);
        if (idLength < 1)
        {
            throw NotAValidRecordLine(line);
        }

        var id = rest[..idLength];
        rest = rest[idLength..];
        var valueEnd = LineScanner.Expect(ref rest, ValuePrefix) ? rest.IndexOf((byte)',') : -1;
        if (valueEnd < 1)
        {
            throw NotAValidRecordLine(line);
        }

        var value = rest[..valueEnd];
        rest = rest[valueEnd..];
        if (!LineScanner.Expect(ref rest, FieldsPrefix) || rest.Length < 3 || rest[0] != (byte)'{' || rest[^1] != (byte)'}')
        {
            throw NotAValidRecordLine(line);
        }

        return new ValidRecordLine(index, lineNumber, id, value, rest[..^1]);
    }

    /// <summary>Length of a JSON string's content up to its closing quote (a quote after an odd run of backslashes is escaped).</summary>
    private static int StringContentLength(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (true)
        {
            var quote = text[at..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return -1;
            }

            at += quote;
            var backslashes = 0;
            while (backslashes < at && text[at - 1 - backslashes] == (byte)'\\')
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return at;
            }

            at++;
        }
    }

    private static InvalidOperationException NotAValidRecordLine(ReadOnlySpan<byte> line) =>
        new($"not a valid-record line: {System.Text.Encoding.UTF8.GetString(line[..Math.Min(line.Length, 200)])}");
}
