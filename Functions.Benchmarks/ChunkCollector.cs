namespace Pipeline.Functions.Benchmarks;

/// <summary>Keeps a copy of every chunk the reader hands over.</summary>
public sealed class ChunkCollector : IChunkSink
{
    private readonly List<byte[]> _chunks = [];

    public IReadOnlyList<byte[]> Chunks => _chunks;

    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        _chunks.Add(chunk.ToArray());
        return Task.CompletedTask;
    }
}
