namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>
/// Drops every chunk, and every <c>sampleEvery</c> chunks measures the memory the process holds after a full collection
/// (what is still referenced, not what was allocated and freed), keeping the peak.
/// </summary>
public sealed class RetainedMemorySink(int sampleEvery) : IChunkSink
{
    public int Chunks { get; private set; }

    public int Samples { get; private set; }

    public long PeakRetainedBytes { get; private set; }

    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (Chunks++ % sampleEvery == 0)
        {
            Samples++;
            PeakRetainedBytes = Math.Max(PeakRetainedBytes, GC.GetTotalMemory(forceFullCollection: true));
        }

        return Task.CompletedTask;
    }
}
