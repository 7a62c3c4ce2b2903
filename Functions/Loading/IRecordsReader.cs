namespace Pipeline.Functions.Loading;

/// <summary>
/// Reads the records of one format incrementally into a <see cref="ChunkBuilder"/>. Each call gets the input kept so far,
/// reads the records it completes and stops when the chunk is full or the rest of a record has not been read yet.
/// </summary>
internal interface IRecordsReader
{
    /// <param name="data">The kept input, starting at file byte <paramref name="dataOffset"/>; it extends the previous call's input.</param>
    /// <param name="isFinal">Nothing follows <paramref name="data"/>.</param>
    /// <returns>The file byte before which the reader needs none of the input any more.</returns>
    long Read(ReadOnlySpan<byte> data, long dataOffset, bool isFinal);

    /// <summary>Where the record waiting for more input starts, and what it is, e.g. "the line".</summary>
    (long Line, long Byte, string What) PendingRecord(ReadOnlySpan<byte> data, long dataOffset);
}
