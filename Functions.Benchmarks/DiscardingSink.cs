using Pipeline.Functions.Loading;

namespace Pipeline.Functions.Benchmarks;

/// <summary>Drops every chunk, counting what it was given: the reader alone, without storage.</summary>
public sealed class DiscardingSink : IChunkSink
{
    public int Chunks { get; private set; }

    public long Bytes { get; private set; }

    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        Chunks++;
        Bytes += chunk.Length;
        return Task.CompletedTask;
    }
}
