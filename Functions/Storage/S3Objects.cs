using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Functions;

/// <summary>Whole-object reads and writes as the handlers use them.</summary>
internal static class S3Objects
{
    public const string NdjsonContentType = "application/x-ndjson";
    public const string JsonContentType = "application/json";

    /// <summary>Reads an object; returns null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<StoredObject?> GetAsync(IAmazonS3 s3, string bucket, string key, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        if (response.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = response.ContentLength > 0 ? new MemoryStream((int)response.ContentLength) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await response.ResponseStream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new StoredObject(buffer.ToArray(), StorageLayout.NormalizeEtag(response.ETag ?? string.Empty), response.Headers.ContentType);
    }

    public static async Task<byte[]> GetBytesAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(s3, bucket, key, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return stored!.Data;
    }

    public static Task PutAsync(IAmazonS3 s3, string bucket, string key, byte[] data, string contentType, CancellationToken cancellationToken) =>
        s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = new MemoryStream(data, writable: false),
                ContentType = contentType,

                // Plain (not aws-chunked) payloads: S3 accepts both, and S3 API emulators store chunked ones corrupted.
                UseChunkEncoding = false,
            },
            cancellationToken);
}
