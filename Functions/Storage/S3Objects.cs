using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Functions.Storage;

/// <summary>Whole-object reads and writes as the handlers use them.</summary>
internal static class S3Objects
{
    public const string NdjsonContentType = "application/x-ndjson";
    public const string JsonContentType = "application/json";

    public static async Task<byte[]> GetBytesAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        using var buffer = response.ContentLength > 0 ? new MemoryStream((int)response.ContentLength) : new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    public static Task PutAsync(IAmazonS3 s3, string bucket, string key, byte[] data, string contentType, CancellationToken cancellationToken) =>
        PutAsync(s3, bucket, key, data, data.Length, contentType, cancellationToken);

    /// <summary>Writes the first <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
    public static Task PutAsync(IAmazonS3 s3, string bucket, string key, byte[] data, int length, string contentType, CancellationToken cancellationToken) =>
        s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = new MemoryStream(data, 0, length, writable: false),
                ContentType = contentType,

                // Plain (not aws-chunked) payloads: S3 accepts both, and S3 API emulators store chunked ones corrupted.
                UseChunkEncoding = false,
            },
            cancellationToken);
}
