namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>An <see cref="IChunkSink"/> that keeps a copy of every chunk, and a way to read a file held in memory with it.</summary>
public sealed class ChunkCollector : IChunkSink
{
    private readonly List<byte[]> chunks = [];

    public IReadOnlyList<byte[]> Chunks => chunks;

    /// <summary>
    /// Reads a file held in memory as LoadBatch reads an object. It completes synchronously: the streams used here and
    /// this sink never wait.
    /// </summary>
    public static LoadedChunks Read(byte[] data, string key, string? contentType, string file, int chunkSize) =>
        Read(new MemoryStream(data, writable: false), key, contentType, file, new RecordReaderOptions(chunkSize, LoadBatchSettings.DefaultMaxRecordBytes));

    /// <inheritdoc cref="Read(byte[], string, string?, string, int)"/>
    public static LoadedChunks Read(Stream input, string key, string? contentType, string file, RecordReaderOptions options)
    {
        var collector = new ChunkCollector();
        var reading = RecordFileReader.ReadAsync(input, key, contentType, file, options, collector);
        reading.IsCompleted.Should().BeTrue("nothing here waits");
        var loaded = reading.GetAwaiter().GetResult();
        loaded.ChunkCount.Should().Be(collector.Chunks.Count);
        return new LoadedChunks(loaded.Format, loaded.RecordCount, collector.Chunks);
    }

    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        chunks.Add(chunk.ToArray());
        return Task.CompletedTask;
    }
}
