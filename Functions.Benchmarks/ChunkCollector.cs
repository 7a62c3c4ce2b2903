using Pipeline.Functions.Loading;

namespace Pipeline.Functions.Benchmarks;

/// <summary>Keeps a copy of every chunk the reader hands over.</summary>
public sealed class ChunkCollector : IChunkSink
{
    private readonly List<byte[]> chunks = [];

    public IReadOnlyList<byte[]> Chunks => chunks;

    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        chunks.Add(chunk.ToArray());
        return Task.CompletedTask;
    }
}
