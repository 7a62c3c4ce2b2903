using System.Text;
using System.Text.Json;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Records;
using Pipeline.Functions.Table;

namespace Pipeline.Functions.Processing;

/// <summary>
/// Checks the records of one file against the record contract: <c>id</c> (string or integer) and
/// <c>value</c> (number) required, other fields kept; and a record is valid only if the item Store
/// will write for it passes <see cref="StorableItem"/>, the rule Store applies too. Each record goes
/// either to the valid output as <c>{"index","line","id","value","fields"}</c> or to the invalid
/// output with every reason it failed, so valid + invalid always equals the number of records seen.
/// One instance per file: it remembers ids to find duplicates across all chunks.
/// </summary>
public sealed class RecordValidator : IDisposable
{
    public const int MaxIdBytes = 1024;

    private static ReadOnlySpan<byte> IdName => "id"u8;
    private static ReadOnlySpan<byte> ValueName => "value"u8;

    private readonly JsonEncodedText bucket;
    private readonly JsonEncodedText key;
    private readonly JsonEncodedText etag;
    private readonly IdIndex claimedIds;
    private readonly List<string> reasons = [];
    private readonly List<(int Start, int Length)> keptFields = [];
    private readonly FieldNameTracker names = new();

    // The current record's valid line and its item, built to check the item before the record is called valid.
    private readonly NdjsonWriter line = new(4096);
    private readonly NdjsonWriter item = new(4096);

    // The ingestion time's text has a fixed length, so any time gives the item's size.
    private readonly RecordTransformer transformer;

    // The current record's id: unescaped bytes for the index, and where its JSON text is for copying.
    private byte[] id = new byte[64];
    private int idLength = -1;
    private (int Start, int Length) idText;
    private bool idIsNumber;

    /// <param name="source">The file the records come from; named in every invalid-record line.</param>
    /// <param name="expectedRecords">How many records the file holds, if known: sizes the id index once.</param>
    public RecordValidator(SourceObject source, int expectedRecords = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        claimedIds = new IdIndex(expectedRecords);
        bucket = JsonEncodedText.Encode(source.Bucket);
        key = JsonEncodedText.Encode(source.Key);
        etag = JsonEncodedText.Encode(source.Etag);
        transformer = new RecordTransformer(source, DateTimeOffset.UnixEpoch);
    }

    public int TotalCount { get; private set; }

    public int ValidCount { get; private set; }

    public int InvalidCount { get; private set; }

    /// <summary>Validates one chunk line and writes it to exactly one of the outputs; true when valid.</summary>
    public bool Validate(ReadOnlySpan<byte> chunkLine, NdjsonWriter valid, NdjsonWriter invalid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(invalid);
        var envelope = RecordEnvelope.Parse(chunkLine);
        if (envelope.Index != TotalCount)
        {
            throw new InvalidOperationException(
                $"record {TotalCount + 1} is missing from the chunks: the next chunk line holds record {envelope.Index + 1}");
        }

        TotalCount++;
        reasons.Clear();
        keptFields.Clear();
        var body = envelope.Body(chunkLine);
        var position = new RecordPosition(envelope.Index, envelope.Line);
        idLength = -1;
        (int Start, int Length) value = default;
        switch (envelope.Kind)
        {
            case RecordBodyKind.Json:
                CheckJsonRecord(body, ref value);
                break;
            case RecordBodyKind.TextFields:
                CheckTextRecord(body, ref value);
                break;
            default:
                reasons.Add(envelope.Error!);
                break;
        }

        if (reasons.Count == 0)
        {
            CheckItem(position, body, value);
        }
        else if (envelope.Kind == RecordBodyKind.Json)
        {
            CheckKeptFields(body);
        }

        if (reasons.Count == 0 && !claimedIds.TryAdd(id.AsSpan(0, idLength), position, out var first))
        {
            reasons.Add($"id '{Encoding.UTF8.GetString(id, 0, idLength)}' duplicates {first}");
        }

        if (reasons.Count > 0)
        {
            WriteInvalid(invalid, envelope, body);
            InvalidCount++;
            return false;
        }

        valid.WriteRaw(line.WrittenMemory.Span[..^1]);
        valid.EndRawLine();
        ValidCount++;
        return true;
    }

    public void Dispose()
    {
        line.Dispose();
        item.Dispose();
    }

    /// <summary>Builds the record's valid line and the item Store will write from it, and checks that item.</summary>
    private void CheckItem(RecordPosition position, ReadOnlySpan<byte> body, (int Start, int Length) value)
    {
        line.Clear();
        ValidRecordLine.Write(line, position, body.Slice(idText.Start, idText.Length), idIsNumber, body.Slice(value.Start, value.Length), body, keptFields);
        item.Clear();
        transformer.Transform(line.WrittenMemory.Span[..^1], item);
        StorableItem.Check(item.WrittenMemory.Span[..^1], reasons, RecordTerms);
    }

    /// <summary>A record that already failed has no item; its kept fields are still checked, so that every reason is listed.</summary>
    private void CheckKeptFields(ReadOnlySpan<byte> body)
    {
        if (keptFields.Count == 0)
        {
            return;
        }

        item.Clear();
        item.WriteRaw("{\"fields\":{"u8);
        for (var i = 0; i < keptFields.Count; i++)
        {
            if (i > 0)
            {
                item.WriteRaw(","u8);
            }

            item.WriteRaw(body.Slice(keptFields[i].Start, keptFields[i].Length));
        }

        item.WriteRaw("}}"u8);
        StorableItem.Check(item.WrittenMemory.Span, reasons, RecordTerms);
    }

    /// <summary>Names an item attribute as the record names it: a kept field by its own name.</summary>
    private static string RecordTerms(string attributePath) =>
        attributePath.StartsWith(RecordAttributes.Fields + ".", StringComparison.Ordinal)
            ? $"field '{attributePath[(RecordAttributes.Fields.Length + 1)..]}'"
            : attributePath;

    /// <summary>Fails when the records seen differ from what the file held.</summary>
    public void RequireTotal(int expected)
    {
        if (TotalCount != expected)
        {
            throw new InvalidOperationException($"the chunks hold {TotalCount} records but the file held {expected}");
        }
    }

    private void CheckJsonRecord(ReadOnlySpan<byte> body, ref (int Start, int Length) value)
    {
        var reader = new Utf8JsonReader(body, RecordEnvelope.ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reasons.Add($"record is not a JSON object (found {Describe(reader.TokenType)})");
            return;
        }

        // A lone surrogate cannot be decoded: find it before anything reads the record's names and strings.
        if (body.IndexOf("\\u"u8) >= 0 && LoneSurrogate(body) is { } surrogate)
        {
            reasons.Add(surrogate);
            return;
        }

        var sawId = false;
        var sawValue = false;
        var reportedEmptyName = false;
        names.Reset();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var isId = reader.ValueTextEquals(IdName);
            var isValue = !isId && reader.ValueTextEquals(ValueName);
            if (reader.ValueSpan.IsEmpty)
            {
                if (!reportedEmptyName)
                {
                    reasons.Add("a field name is empty");
                    reportedEmptyName = true;
                }
            }
            else if (!names.Add(ref reader, body))
            {
                reasons.Add($"field '{reader.GetString()}' appears more than once");
            }

            reader.Read();
            if (isId)
            {
                sawId = true;
                ReadJsonId(ref reader);
            }
            else if (isValue)
            {
                sawValue = true;
                value = ReadJsonValue(ref reader);
            }
            else
            {
                CheckKeptValue(ref reader, body, nameStart);
                keptFields.Add((nameStart, (int)reader.BytesConsumed - nameStart));
            }
        }

        if (!sawId)
        {
            reasons.Add("id is missing");
        }

        if (!sawValue)
        {
            reasons.Add("value is missing");
        }
    }

    private void ReadJsonId(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                TakeStringId(ref reader);
                return;
            case JsonTokenType.Number when IsInteger(reader.ValueSpan):
                TakeId(reader.ValueSpan, ((int)reader.TokenStartIndex, reader.ValueSpan.Length), isNumber: true);
                return;
            case JsonTokenType.Number:
                reasons.Add($"id must be a string or an integer, found number {Encoding.UTF8.GetString(reader.ValueSpan)}");
                return;
            default:
                reasons.Add($"id must be a string or an integer, found {Describe(reader.TokenType)}");
                reader.Skip();
                return;
        }
    }

    /// <summary>Takes a string token as the id: its text (quotes included) is copied to the outputs as it is.</summary>
    private void TakeStringId(ref Utf8JsonReader reader)
    {
        var text = ((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
        if (!reader.ValueIsEscaped)
        {
            TakeId(reader.ValueSpan, text, isNumber: false);
            return;
        }

        if (id.Length < reader.ValueSpan.Length)
        {
            id = new byte[reader.ValueSpan.Length];
        }

        var length = reader.CopyString(id);
        TakeId(id.AsSpan(0, length), text, isNumber: false);
    }

    private void TakeId(ReadOnlySpan<byte> id, (int Start, int Length) text, bool isNumber)
    {
        if (id.IsEmpty)
        {
            reasons.Add("id is empty");
            return;
        }

        if (id.Length > MaxIdBytes)
        {
            reasons.Add($"id is longer than {MaxIdBytes} bytes");
            return;
        }

        if (this.id.Length < id.Length)
        {
            this.id = new byte[Math.Max(id.Length, this.id.Length * 2)];
        }

        id.CopyTo(this.id);
        idLength = id.Length;
        idText = text;
        idIsNumber = isNumber;
    }

    private (int Start, int Length) ReadJsonValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            reasons.Add($"value must be a number, found {Describe(reader.TokenType)}");
            reader.Skip();
            return default;
        }

        CheckValueNumber(reader.ValueSpan);
        return ((int)reader.TokenStartIndex, reader.ValueSpan.Length);
    }

    private void CheckValueNumber(ReadOnlySpan<byte> number)
    {
        var status = DynamoNumber.Check(number);
        switch (status == NumberStatus.Ok ? DynamoNumber.Check(number, powersOfTen: 1) : status)
        {
            case NumberStatus.Ok:
                return;
            case NumberStatus.NotANumber:
                reasons.Add(IsNonFinite(number)
                    ? $"value '{Encoding.UTF8.GetString(number)}' is not a finite number"
                    : $"value '{Encoding.UTF8.GetString(number)}' is not a number");
                return;
            case NumberStatus.TooManyDigits:
                reasons.Add($"value {Encoding.UTF8.GetString(number)} has more than {DynamoNumber.MaxSignificantDigits} significant digits");
                return;
            default:
                reasons.Add($"value {Encoding.UTF8.GetString(number)} is too large or too small to store (value and processed_value = value * 10 must stay within 1E-130..9.99E+125)");
                return;
        }
    }

    /// <summary>
    /// Checks the names inside a kept field: an empty or repeated name in one object would lose data in the item's map.
    /// Numbers, strings, depth and size are the item's to check (<see cref="StorableItem"/>). Leaves the reader on the
    /// value's last token.
    /// </summary>
    private void CheckKeptValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int nameStart)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var baseDepth = reader.CurrentDepth;
        var reportedEmptyName = false;
        Stack<HashSet<string>>? openObjects = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            openObjects = new Stack<HashSet<string>>();
            openObjects.Push(new HashSet<string>(StringComparer.Ordinal));
        }

        while (reader.Read() && reader.CurrentDepth > baseDepth)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    openObjects ??= new Stack<HashSet<string>>();
                    openObjects.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    openObjects!.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (name.Length == 0 && !reportedEmptyName)
                    {
                        reasons.Add($"field '{FieldName(body, nameStart)}' contains an empty field name");
                        reportedEmptyName = true;
                    }
                    else if (name.Length > 0 && !openObjects!.Peek().Add(name))
                    {
                        reasons.Add($"field '{FieldName(body, nameStart)}' repeats the name '{name}' in one object");
                    }

                    break;
            }
        }
    }

    /// <summary>The reason for the first lone surrogate escape in the record, naming the top-level field it is in.</summary>
    private static string? LoneSurrogate(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, RecordEnvelope.ReaderOptions);
        var field = -1;
        while (reader.Read())
        {
            var topLevelName = reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1;
            var escape = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped
                ? JsonEscapes.LoneSurrogate(reader.ValueSpan)
                : null;
            if (escape is not null)
            {
                var name = topLevelName || field < 0 ? null : FieldName(body, field);
                return JsonEscapes.LoneSurrogateReason(name is null ? "a field name" : name is "id" or "value" ? name : $"field '{name}'", escape);
            }

            if (topLevelName)
            {
                field = (int)reader.TokenStartIndex;
            }
        }

        return null;
    }

    private void CheckTextRecord(ReadOnlySpan<byte> body, ref (int Start, int Length) value)
    {
        var reader = new Utf8JsonReader(body, RecordEnvelope.ReaderOptions);
        reader.Read();
        var sawId = false;
        var sawValue = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var isId = reader.ValueTextEquals(IdName);
            var isValue = !isId && reader.ValueTextEquals(ValueName);
            reader.Read();
            if (isId)
            {
                // An empty CSV cell is a missing value.
                sawId = !reader.ValueSpan.IsEmpty;
                if (sawId)
                {
                    TakeStringId(ref reader);
                }
            }
            else if (isValue)
            {
                sawValue = true;
                value = ReadTextValue(ref reader);
            }
            else
            {
                keptFields.Add((nameStart, (int)reader.BytesConsumed - nameStart));
            }
        }

        if (!sawId)
        {
            reasons.Add("id is missing");
        }

        if (!sawValue)
        {
            reasons.Add("value is missing");
        }
    }

    private (int Start, int Length) ReadTextValue(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            reasons.Add($"value '{reader.GetString()}' is not a number");
            return default;
        }

        var text = reader.ValueSpan;
        if (text.IsEmpty)
        {
            reasons.Add("value is missing");
            return default;
        }

        CheckValueNumber(text);

        // The text between the quotes is the number itself: numbers never need escaping.
        return ((int)reader.TokenStartIndex + 1, text.Length);
    }

    private void WriteInvalid(NdjsonWriter invalid, RecordEnvelope envelope, ReadOnlySpan<byte> body)
    {
        var json = invalid.Json;
        json.WriteStartObject();
        json.WriteStartObject("source"u8);
        json.WriteString("bucket"u8, bucket);
        json.WriteString("key"u8, key);
        json.WriteString("etag"u8, etag);
        json.WriteEndObject();
        json.WriteNumber(RecordEnvelope.IndexName, envelope.Index);
        json.WriteNumber(RecordEnvelope.LineName, envelope.Line);
        json.WriteStartArray("reasons"u8);
        foreach (var reason in reasons)
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WritePropertyName(envelope.Kind == RecordBodyKind.Unreadable ? RecordEnvelope.RawName : RecordEnvelope.RecordName);
        json.WriteRawValue(body, skipInputValidation: true);
        json.WriteEndObject();
        invalid.EndLine();
    }

    private static string FieldName(ReadOnlySpan<byte> body, int nameStart)
    {
        var reader = new Utf8JsonReader(body[nameStart..], RecordEnvelope.ReaderOptions);
        reader.Read();
        return reader.GetString()!;
    }

    private static bool IsInteger(ReadOnlySpan<byte> number) => number.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    private static bool IsNonFinite(ReadOnlySpan<byte> text)
    {
        var trimmed = text.TrimStart("+-"u8);
        return trimmed.SequenceEqual("NaN"u8) || trimmed.SequenceEqual("Infinity"u8) || trimmed.SequenceEqual("inf"u8) ||
               trimmed.SequenceEqual("nan"u8) || trimmed.SequenceEqual("INF"u8) || trimmed.SequenceEqual("Inf"u8);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
