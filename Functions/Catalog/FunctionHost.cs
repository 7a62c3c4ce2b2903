using Amazon.DynamoDBv2;
using Amazon.S3;

namespace Pipeline.Functions.Catalog;

/// <summary>
/// What a catalog factory needs to create a handler outside Lambda: the AWS clients, the
/// environment variables as Lambda would receive them, a clock, a backoff delay and a log writer.
/// </summary>
public sealed record FunctionHost(
    IAmazonS3 S3,
    IAmazonDynamoDB DynamoDb,
    IReadOnlyDictionary<string, string> Environment,
    TimeProvider Clock,
    Func<TimeSpan, CancellationToken, Task> Delay,
    TextWriter? Log = null);
