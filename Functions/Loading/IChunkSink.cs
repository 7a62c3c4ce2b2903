namespace Pipeline.Functions.Loading;

/// <summary>Takes the chunk objects of a file in order, each as soon as the reader has completed it.</summary>
public interface IChunkSink
{
    /// <summary>Takes the next chunk; <paramref name="chunk"/> is only valid until the returned task completes.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);
}
