using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.Local.Engine;

namespace Pipeline.Local.Runner;

/// <summary>A distributed Map's objects on an S3 API server (the local one, or any endpoint the client points at).</summary>
public sealed class S3ObjectStore(IAmazonS3 s3) : IObjectStore
{
    public async Task<byte[]> GetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        using var content = new MemoryStream();
        await response.ResponseStream.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
        return content.ToArray();
    }

    public async Task PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, ContentType = "application/json", UseChunkEncoding = false },
            cancellationToken).ConfigureAwait(false);
    }
}
