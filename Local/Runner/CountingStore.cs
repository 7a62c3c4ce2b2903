using System.Text.Json;
using Amazon.S3;
using Pipeline.Functions.Contracts;

namespace Pipeline.Local.Runner;

/// <summary>
/// A stand-in for Store in the bench's count-only mode: it reads the transformed chunk and answers as Store would had
/// it stored every record, without writing to DynamoDB, so the orchestration and load path can be measured at sizes
/// DynamoDB Local cannot take in a bench's time.
/// </summary>
public static class CountingStore
{
    public static FunctionCall Create(IAmazonS3 s3, string bucket) => async (payload, context) =>
    {
        var request = payload.Deserialize(PayloadJsonContext.Default.StoreRequest)
            ?? throw new InvalidOperationException("Store was called without a request");
        using var response = await s3.GetObjectAsync(bucket, request.TransformedKey, context.CancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(response.ResponseStream);
        var count = 0;
        while (await reader.ReadLineAsync(context.CancellationToken).ConfigureAwait(false) is { } line)
        {
            count += line.Length > 0 ? 1 : 0;
        }

        return JsonSerializer.SerializeToNode(new StoreResult(count, Duplicate: false, Rejected: 0, count), PayloadJsonContext.Default.StoreResult);
    };
}
