namespace Pipeline.Functions;

/// <summary>Reads an uploaded file of any supported format into chunks of record envelopes.</summary>
public static class RecordFileReader
{
    /// <param name="data">The whole file.</param>
    /// <param name="key">The object key; its extension may declare the format.</param>
    /// <param name="contentType">The object's content type, if any; may declare the format.</param>
    /// <param name="file">How errors name the file, e.g. <c>s3://bucket/key</c>.</param>
    /// <param name="chunkSize">Records per chunk.</param>
    public static LoadedFile Read(byte[] data, string key, string? contentType, string file, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        var offset = Utf8Content.ContentStart(data, file);
        var content = data.AsSpan(offset);
        var format = InputFormatDetector.Detect(content, key, contentType, file, offset);
        var positions = new TextPositions(data, offset);
        using var chunks = new ChunkBuilder(chunkSize);
        switch (format)
        {
            case InputFormat.JsonArray or InputFormat.JsonObject:
                JsonRecordsReader.Read(content, positions, file, chunks);
                break;
            case InputFormat.Ndjson:
                NdjsonRecordsReader.Read(content, chunks);
                break;
            case InputFormat.Csv:
                CsvRecordsReader.Read(content, positions, file, chunks);
                break;
        }

        return new LoadedFile(format, chunks.RecordCount, chunks.Finish());
    }
}
