using System.Globalization;
using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>
/// Turns valid records into item-shaped lines: <c>processed_value = value * 10</c> (exact decimal
/// arithmetic), the id as a string, the deterministic keys, the kept fields and the lineage
/// (source bucket, key, ETag, record position, ingestion time).
/// </summary>
public sealed class RecordTransformer
{
    private readonly JsonEncodedText _bucket;
    private readonly JsonEncodedText _key;
    private readonly JsonEncodedText _etag;
    private readonly JsonEncodedText _ingestedAt;
    private readonly byte[] _partitionKey = new byte[(RecordValidator.MaxIdBytes * 2) + 16];

    public RecordTransformer(SourceObject source, DateTimeOffset ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        _bucket = JsonEncodedText.Encode(source.Bucket);
        _key = JsonEncodedText.Encode(source.Key);
        _etag = JsonEncodedText.Encode(StorageLayout.NormalizeEtag(source.Etag));
        _ingestedAt = JsonEncodedText.Encode(ingestedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        "RECORD#"u8.CopyTo(_partitionKey);
    }

    /// <summary>Reads one line written by <see cref="RecordValidator"/> and writes its item line.</summary>
    public void Transform(ReadOnlySpan<byte> validLine, NdjsonWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reader = new Utf8JsonReader(validLine, RecordEnvelope.ReaderOptions);
        long index = -1;
        long line = -1;
        var idLength = -1;
        var value = default(ReadOnlySpan<byte>);
        var fields = default(ReadOnlySpan<byte>);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(RecordEnvelope.IndexName))
            {
                reader.Read();
                index = reader.GetInt64();
            }
            else if (reader.ValueTextEquals(RecordEnvelope.LineName))
            {
                reader.Read();
                line = reader.GetInt64();
            }
            else if (reader.ValueTextEquals(RecordAttributes.Id))
            {
                reader.Read();
                idLength = reader.CopyString(_partitionKey.AsSpan(ItemKeys.RecordPrefix.Length));
            }
            else if (reader.ValueTextEquals(RecordAttributes.Value))
            {
                reader.Read();
                value = reader.ValueSpan;
            }
            else if (reader.ValueTextEquals(RecordAttributes.Fields))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                fields = validLine[start..(int)reader.BytesConsumed];
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (index < 0 || line < 0 || idLength < 0 || value.IsEmpty)
        {
            throw new InvalidOperationException($"not a valid-record line: {System.Text.Encoding.UTF8.GetString(validLine[..Math.Min(validLine.Length, 200)])}");
        }

        Span<byte> processed = stackalloc byte[DynamoNumber.MaxFormattedLength];
        var processedLength = DynamoNumber.Format(value, powersOfTen: 1, processed);

        var partitionKey = _partitionKey.AsSpan(0, ItemKeys.RecordPrefix.Length + idLength);
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString(TableSchema.PartitionKey, partitionKey);
        json.WriteString(TableSchema.SortKey, ItemKeys.RecordSortKey);
        json.WriteString(RecordAttributes.Id, partitionKey[ItemKeys.RecordPrefix.Length..]);
        json.WritePropertyName(RecordAttributes.Value);
        json.WriteRawValue(value, skipInputValidation: true);
        json.WritePropertyName(RecordAttributes.ProcessedValue);
        json.WriteRawValue(processed[..processedLength], skipInputValidation: true);
        // "{}" means no kept fields: the item gets no empty map.
        if (fields.Length > 2)
        {
            json.WritePropertyName(RecordAttributes.Fields);
            json.WriteRawValue(fields, skipInputValidation: true);
        }

        json.WriteString(RecordAttributes.SourceBucket, _bucket);
        json.WriteString(RecordAttributes.SourceKey, _key);
        json.WriteString(RecordAttributes.SourceEtag, _etag);
        json.WriteNumber(RecordAttributes.SourceRecord, index + 1);
        json.WriteNumber(RecordAttributes.SourceLine, line);
        json.WriteString(RecordAttributes.IngestedAt, _ingestedAt);
        json.WriteEndObject();
        output.EndLine();
    }
}
