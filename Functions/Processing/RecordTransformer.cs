using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Records;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Processing;

/// <summary>
/// Turns valid records into item-shaped lines: <c>processed_value = value * 10</c> (exact decimal
/// arithmetic), the id as a string, the deterministic keys, the kept fields and the lineage
/// (source bucket, key, ETag, ingestion time, record position).
/// </summary>
public sealed class RecordTransformer
{
    private readonly byte[] lineage;

    public RecordTransformer(SourceObject source, DateTimeOffset ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        lineage = EncodeLineage(source, ingestedAt);
    }

    /// <summary>Reads one line written by <see cref="RecordValidator"/> and writes its item line.</summary>
    public void Transform(ReadOnlySpan<byte> validLine, NdjsonWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var record = ValidRecordLine.Parse(validLine);
        Span<byte> processed = stackalloc byte[DynamoNumber.MaxFormattedLength];
        var processedLength = DynamoNumber.Format(record.Value, powersOfTen: 1, processed);

        output.WriteRaw("{\"pk\":\"RECORD#"u8);
        output.WriteRaw(record.Id);
        output.WriteRaw("\",\"sk\":\"RECORD\",\"id\":\""u8);
        output.WriteRaw(record.Id);
        output.WriteRaw("\",\"value\":"u8);
        output.WriteRaw(record.Value);
        output.WriteRaw(",\"processed_value\":"u8);
        output.WriteRaw(processed[..processedLength]);

        // "{}" means no kept fields: the item gets no empty map.
        if (record.Fields.Length > 2)
        {
            output.WriteRaw(",\"fields\":"u8);
            output.WriteRaw(record.Fields);
        }

        output.WriteRaw(lineage);
        output.WriteRaw(",\"source_record\":"u8);
        output.WriteRaw(record.Index + 1);
        output.WriteRaw(",\"source_line\":"u8);
        output.WriteRaw(record.Line);
        output.WriteRaw("}"u8);
        output.EndRawLine();
    }

    /// <summary>The lineage shared by every item of the file, as <c>,"source_bucket":…,"ingested_at":…</c>.</summary>
    private static byte[] EncodeLineage(SourceObject source, DateTimeOffset ingestedAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString(RecordAttributes.SourceBucket, source.Bucket);
            json.WriteString(RecordAttributes.SourceKey, source.Key);
            json.WriteString(RecordAttributes.SourceEtag, StorageLayout.NormalizeEtag(source.Etag));
            json.WriteString(RecordAttributes.IngestedAt, ingestedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        var properties = buffer.WrittenSpan[1..^1];
        return [(byte)',', .. properties];
    }
}
