using System.Buffers;
using System.Text.Json;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Builds the chunk objects of one file, one at a time: records are added until the chunk holds N envelope lines
/// (<see cref="IsFull"/>); the reader then hands <see cref="Chunk"/> on and calls <see cref="StartNextChunk"/>.
/// </summary>
public sealed class ChunkBuilder : IDisposable
{
    private readonly int chunkSize;
    private readonly NdjsonWriter writer = new();

    public ChunkBuilder(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        this.chunkSize = chunkSize;
    }

    /// <summary>Records added so far, over every chunk.</summary>
    public int RecordCount { get; private set; }

    public bool IsFull => writer.LineCount == chunkSize;

    public bool IsEmpty => writer.LineCount == 0;

    /// <summary>The chunk being built, a UTF-8 NDJSON document; valid until <see cref="StartNextChunk"/>.</summary>
    public ReadOnlyMemory<byte> Chunk => writer.WrittenMemory;

    /// <summary>Empties the chunk, keeping its buffer for the next one.</summary>
    public void StartNextChunk() => writer.Clear();

    /// <summary>A record's JSON text exactly as it appeared (line breaks between tokens become spaces).</summary>
    public void AddJson(long line, ReadOnlySpan<byte> record)
    {
        var json = StartEnvelope(line);
        json.WritePropertyName(RecordEnvelope.RecordName);
        if (record.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            json.WriteRawValue(record, skipInputValidation: true);
        }
        else
        {
            // Outside strings, CR and LF can only be whitespace, and JSON strings cannot hold them raw.
            var copy = ArrayPool<byte>.Shared.Rent(record.Length);
            try
            {
                var span = copy.AsSpan(0, record.Length);
                record.CopyTo(span);
                span.Replace((byte)'\r', (byte)' ');
                span.Replace((byte)'\n', (byte)' ');
                json.WriteRawValue(span, skipInputValidation: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }

        EndEnvelope();
    }

    /// <summary>A CSV row: column names paired with their text.</summary>
    public void AddTextFields(long line, IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        var json = StartEnvelope(line);
        json.WriteStartObject(RecordEnvelope.FieldsName);
        for (var i = 0; i < names.Count; i++)
        {
            json.WriteString(names[i], values[i]);
        }

        json.WriteEndObject();
        EndEnvelope();
    }

    /// <summary>Text that holds a record but cannot be read as one; it is quarantined with <paramref name="error"/>.</summary>
    public void AddUnreadable(long line, string raw, string error)
    {
        var json = StartEnvelope(line);
        json.WriteString(RecordEnvelope.RawName, raw);
        json.WriteString(RecordEnvelope.ErrorName, error);
        EndEnvelope();
    }

    public void Dispose() => writer.Dispose();

    private Utf8JsonWriter StartEnvelope(long line)
    {
        var json = writer.Json;
        json.WriteStartObject();
        json.WriteNumber(RecordEnvelope.IndexName, RecordCount);
        json.WriteNumber(RecordEnvelope.LineName, line);
        return json;
    }

    private void EndEnvelope()
    {
        writer.Json.WriteEndObject();
        writer.EndLine();
        RecordCount++;
    }
}
