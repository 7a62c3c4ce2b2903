using System.Text.Json;
using Amazon.S3;
using Pipeline.Functions.Contracts;

namespace Pipeline.Functions.Storage;

/// <summary>
/// Store's results as a distributed Map's ResultWriter leaves them: a manifest naming one file per status, each a JSON
/// array of child executions whose <c>Output</c> is the child's output as text (Step Functions developer guide,
/// "ResultWriter"). Only files under the staging root are read.
/// </summary>
public static class ChunkResults
{
    /// <summary>Store's result of every chunk whose child execution succeeded, and how many failed.</summary>
    public static async Task<(IReadOnlyList<StoreResult> Stored, int Failed)> ReadAsync(IAmazonS3 s3, string bucket, string manifestKey, CancellationToken cancellationToken)
    {
        StorageLayout.RequireStagingObject(manifestKey, nameof(manifestKey));
        using var manifest = JsonDocument.Parse(await S3Objects.GetBytesAsync(s3, bucket, manifestKey, cancellationToken).ConfigureAwait(false));
        var files = manifest.RootElement.GetProperty("ResultFiles");
        var results = new List<StoreResult>();
        foreach (var file in Files(files, "SUCCEEDED"))
        {
            using var entries = await ReadFileAsync(s3, bucket, file, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries.RootElement.EnumerateArray())
            {
                var output = entry.GetProperty("Output").GetString()
                    ?? throw new InvalidOperationException($"a succeeded chunk in {file} has no output");
                results.Add(JsonSerializer.Deserialize(output, PayloadJsonContext.Default.StoreResult)
                    ?? throw new InvalidOperationException($"a succeeded chunk in {file} has a null output"));
            }
        }

        var failed = 0;
        foreach (var file in Files(files, "FAILED"))
        {
            using var entries = await ReadFileAsync(s3, bucket, file, cancellationToken).ConfigureAwait(false);
            failed += entries.RootElement.GetArrayLength();
        }

        return (results, failed);
    }

    private static IEnumerable<string> Files(JsonElement resultFiles, string status) =>
        resultFiles.TryGetProperty(status, out var files)
            ? files.EnumerateArray().Select(file => file.GetProperty("Key").GetString()!).ToList()
            : [];

    private static async Task<JsonDocument> ReadFileAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        StorageLayout.RequireStagingObject(key, nameof(key));
        return JsonDocument.Parse(await S3Objects.GetBytesAsync(s3, bucket, key, cancellationToken).ConfigureAwait(false));
    }
}
