using Pipeline.Functions.Contracts;
using Pipeline.Functions.Errors;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Reads an uploaded file of any supported format from a stream into chunks of record envelopes, handing each chunk to
/// a sink as soon as it is complete. It holds the read buffer (which grows only for a record longer than it) and one
/// chunk, so its memory depends on <see cref="RecordReaderOptions"/>, not on the file's size.
/// </summary>
public static class RecordFileReader
{
    /// <param name="input">The file, read once from start to end; it need not be seekable.</param>
    /// <param name="key">The object key; its extension may declare the format.</param>
    /// <param name="contentType">The object's content type, if any; may declare the format.</param>
    /// <param name="file">How errors name the file, e.g. <c>s3://bucket/key</c>.</param>
    /// <param name="options">Chunk size and the bounds of one record and of the read buffer.</param>
    /// <param name="sink">Takes the chunks, in order.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<LoadedFile> ReadAsync(
        Stream input,
        string key,
        string? contentType,
        string file,
        RecordReaderOptions options,
        IChunkSink sink,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var buffer = new InputBuffer(input, options.BufferBytes);
        while (!buffer.Ended && buffer.Data.Length < Utf8Content.HeadBytes)
        {
            await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
        }

        var contentStart = Utf8Content.ContentStart(buffer.Data, file);
        var utf8 = new Utf8Validator(file, contentStart);
        var validTo = utf8.Validate(buffer.Data, buffer.Offset, buffer.Ended);
        var detected = Detect(buffer, contentStart, validTo, key, contentType, file, options.MaxRecordBytes);
        while (detected is null)
        {
            await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            validTo = utf8.Validate(buffer.Data, buffer.Offset, buffer.Ended);
            detected = Detect(buffer, contentStart, validTo, key, contentType, file, options.MaxRecordBytes);
        }

        var format = detected.Value;
        if (format == InputFormat.Empty)
        {
            return new LoadedFile(format, 0, 0);
        }

        using var chunks = new ChunkBuilder(options.ChunkSize);
        IRecordsReader reader = format switch
        {
            InputFormat.Ndjson => new NdjsonRecordsReader(contentStart, chunks),
            InputFormat.Csv => new CsvRecordsReader(contentStart, file, chunks),
            _ => new JsonRecordsReader(contentStart, file, chunks),
        };
        var chunkCount = 0;
        while (true)
        {
            var valid = buffer.Data[..(int)(validTo - buffer.Offset)];
            var keepFrom = reader.Read(valid, buffer.Offset, buffer.Ended);
            if (chunks.IsFull)
            {
                await sink.WriteAsync(chunks.Chunk, cancellationToken).ConfigureAwait(false);
                chunks.StartNextChunk();
                chunkCount++;
                continue;
            }

            if (buffer.Ended)
            {
                break;
            }

            buffer.Release(keepFrom);
            if (buffer.Data.Length > options.MaxRecordBytes)
            {
                var (line, at, what) = reader.PendingRecord(buffer.Data, buffer.Offset);
                throw new InvalidInput(file, line, at, $"{what} starting here is longer than {options.MaxRecordBytes} bytes, the most one record may take ({EnvironmentVariables.MaxRecordBytes})");
            }

            await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            validTo = utf8.Validate(buffer.Data, buffer.Offset, buffer.Ended);
        }

        if (!chunks.IsEmpty)
        {
            await sink.WriteAsync(chunks.Chunk, cancellationToken).ConfigureAwait(false);
            chunkCount++;
        }

        return new LoadedFile(format, chunks.RecordCount, chunkCount);
    }

    /// <summary>
    /// The format, once the start of the content (all of it still in the buffer) decides it. Detection looks at most as far
    /// as one record may reach: a first line longer than that cannot be an NDJSON record.
    /// </summary>
    private static InputFormat? Detect(InputBuffer buffer, int contentStart, long validTo, string key, string? contentType, string file, int maxRecordBytes)
    {
        var head = buffer.Data[contentStart..(int)validTo];
        var atLimit = head.Length >= maxRecordBytes;
        if (atLimit && !buffer.Ended && head.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new InvalidInput(file, null, null, $"the file starts with more than {maxRecordBytes} bytes of whitespace, more than one record may take ({EnvironmentVariables.MaxRecordBytes})");
        }

        return InputFormatDetector.Detect(head, buffer.Ended || atLimit, key, contentType, file, contentStart);
    }
}

/// <summary>How <see cref="RecordFileReader"/> reads a file; together they bound its memory, whatever the file's size.</summary>
/// <param name="ChunkSize">Records per chunk object.</param>
/// <param name="MaxRecordBytes">
/// The most input one record may take (a CSV row, an NDJSON line, one element of a JSON array; for one JSON object, what
/// comes before its <c>records</c> array). It also bounds how far format detection looks for the end of the first line.
/// </param>
/// <param name="BufferBytes">The read buffer's starting size; it grows only while a record longer than it is read.</param>
public sealed record RecordReaderOptions(int ChunkSize, int MaxRecordBytes, int BufferBytes = RecordReaderOptions.DefaultBufferBytes)
{
    public const int DefaultBufferBytes = 256 * 1024;
}

/// <summary>What reading a file produced: its format, its records and how many chunk objects hold them.</summary>
public sealed record LoadedFile(InputFormat Format, int RecordCount, int ChunkCount);
