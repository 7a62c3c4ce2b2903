using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;

namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>A Moq <see cref="IAmazonS3"/> whose GetObject and PutObject work on an in-memory store.</summary>
public sealed class InMemoryS3
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), (byte[] Data, string? ContentType)> objects = new();

    public InMemoryS3()
    {
        Mock.Setup(s3 => s3.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((GetObjectRequest request, CancellationToken _) => Get(request));
        Mock.Setup(s3 => s3.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((PutObjectRequest request, CancellationToken _) => Put(request));
    }

    public Mock<IAmazonS3> Mock { get; } = new(MockBehavior.Strict);

    public IAmazonS3 Object => Mock.Object;

    public IReadOnlyCollection<string> Keys(string bucket) =>
        objects.Keys.Where(k => k.Bucket == bucket).Select(k => k.Key).Order(StringComparer.Ordinal).ToList();

    public void Upload(string bucket, string key, byte[] data, string? contentType = null) =>
        objects[(bucket, key)] = (data, contentType);

    public byte[] Read(string bucket, string key) => objects[(bucket, key)].Data;

    public string ReadText(string bucket, string key) => System.Text.Encoding.UTF8.GetString(Read(bucket, key));

    public static string EtagOf(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private GetObjectResponse Get(GetObjectRequest request)
    {
        if (!objects.TryGetValue((request.BucketName, request.Key), out var stored))
        {
            throw new AmazonS3Exception($"no object {request.Key}") { StatusCode = HttpStatusCode.NotFound, ErrorCode = "NoSuchKey" };
        }

        var response = new GetObjectResponse
        {
            BucketName = request.BucketName,
            Key = request.Key,
            ETag = $"\"{EtagOf(stored.Data)}\"",
            ContentLength = stored.Data.Length,
            ResponseStream = new MemoryStream(stored.Data, writable: false),
        };
        response.Headers.ContentType = stored.ContentType;
        return response;
    }

    private PutObjectResponse Put(PutObjectRequest request)
    {
        request.UseChunkEncoding.Should().BeFalse("payloads must not be aws-chunked");
        using var copy = new MemoryStream();
        request.InputStream.CopyTo(copy);
        objects[(request.BucketName, request.Key)] = (copy.ToArray(), request.ContentType);
        return new PutObjectResponse { ETag = $"\"{EtagOf(copy.ToArray())}\"" };
    }
}
