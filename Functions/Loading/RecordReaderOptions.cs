namespace Pipeline.Functions;

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
