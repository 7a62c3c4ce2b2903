namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>Drops every chunk, noting how many bytes of the input had been read when it arrived.</summary>
public sealed class DeliveredAtEachChunk(GeneratedRecordsStream input) : IChunkSink
{
    public List<long> Delivered { get; } = [];

    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        Delivered.Add(input.Delivered);
        return Task.CompletedTask;
    }
}
