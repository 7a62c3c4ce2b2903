using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>Reads a JSON array of records, <c>{"records":[…]}</c>, or a single record object.</summary>
internal static class JsonRecordsReader
{
    private static ReadOnlySpan<byte> RecordsName => "records"u8;

    public static void Read(ReadOnlySpan<byte> content, TextPositions positions, string file, ChunkBuilder chunks)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { MaxDepth = RecordEnvelope.MaxRecordDepth });
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadElements(ref reader, content, positions, chunks);
            }
            else
            {
                ReadObject(ref reader, content, positions, file, chunks);
            }

            // Anything but whitespace after the document makes the reader throw.
            reader.Read();
        }
        catch (JsonException exception)
        {
            var (line, at, message) = positions.Locate(exception);
            throw new InvalidInput(file, line, at, $"malformed JSON: {message}");
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> content, TextPositions positions, string file, ChunkBuilder chunks)
    {
        var objectStart = reader.TokenStartIndex;
        var sawRecords = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(RecordsName))
            {
                var name = reader.GetString()!;
                var nameStart = reader.TokenStartIndex;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray && name.Equals("records", StringComparison.OrdinalIgnoreCase))
                {
                    throw Problem(positions, file, nameStart, $"the records are under '{name}'; they are read from 'records' (lower case): rename the key and upload the file again");
                }

                reader.Skip();
                continue;
            }

            if (sawRecords)
            {
                throw Problem(positions, file, reader.TokenStartIndex, "the property 'records' appears twice");
            }

            sawRecords = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Problem(positions, file, reader.TokenStartIndex, $"'records' must be an array, found {reader.TokenType}");
            }

            ReadElements(ref reader, content, positions, chunks);
        }

        if (!sawRecords)
        {
            chunks.AddJson(positions.LineAt(objectStart), content[(int)objectStart..(int)reader.BytesConsumed]);
        }
    }

    private static void ReadElements(ref Utf8JsonReader reader, ReadOnlySpan<byte> content, TextPositions positions, ChunkBuilder chunks)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader.TokenStartIndex;
            reader.Skip();
            chunks.AddJson(positions.LineAt(start), content[(int)start..(int)reader.BytesConsumed]);
        }
    }

    private static InvalidInput Problem(TextPositions positions, string file, long contentPosition, string problem) =>
        new(file, positions.LineAt(contentPosition), positions.FileByte(contentPosition), problem);
}
