namespace Pipeline.Local.Engine;

/// <summary>The S3 objects a distributed Map reads items from (ItemReader) and writes results to (ResultWriter).</summary>
public interface IObjectStore
{
    Task<byte[]> GetAsync(string bucket, string key, CancellationToken cancellationToken);

    Task PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken);
}
