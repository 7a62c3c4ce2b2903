using System.Collections;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Pipeline.Functions.Catalog;

namespace Pipeline.Functions.Runtime;

/// <summary>What a handler gets inside Lambda: the process environment and AWS clients configured from it.</summary>
public static class RuntimeHost
{
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>
    /// Clients from the SDK's default configuration: the region, the role's credentials and any endpoint override
    /// (<c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c>) come from the environment.
    /// </summary>
    public static FunctionHost Create(IReadOnlyDictionary<string, string> environment) =>
        new(new AmazonS3Client(), new AmazonDynamoDBClient(), environment, TimeProvider.System, Task.Delay, Console.Out);
}
