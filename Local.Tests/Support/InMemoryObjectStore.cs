using System.Collections.Concurrent;

namespace Pipeline.Local.Tests.Support;

/// <summary>Objects by bucket and key, for engine tests of distributed Maps.</summary>
internal sealed class InMemoryObjectStore : IObjectStore
{
    public ConcurrentDictionary<(string Bucket, string Key), byte[]> Objects { get; } = new();

    public Task<byte[]> GetAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Objects.TryGetValue((bucket, key), out var content)
            ? Task.FromResult(content)
            : throw new FileNotFoundException($"NoSuchKey: s3://{bucket}/{key}");

    public Task PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken)
    {
        Objects[(bucket, key)] = content;
        return Task.CompletedTask;
    }

    public string Text(string bucket, string key) => System.Text.Encoding.UTF8.GetString(Objects[(bucket, key)]);
}
