using System.Text.Json;

namespace Pipeline.Functions.Tests.Integration;

/// <summary>Drives the five handlers through their Lambda entry points (JSON streams), as the workflow does.</summary>
public sealed class PipelineRun
{
    private readonly Dictionary<string, IFunctionHandler> handlers;

    public PipelineRun(LocalAwsFixture aws, string table, DateTimeOffset now)
    {
        var host = new FunctionHost(
            aws.S3,
            aws.DynamoDb,
            new Dictionary<string, string>
            {
                [EnvironmentVariables.BucketName] = LocalAwsFixture.BucketName,
                [EnvironmentVariables.TableName] = table,
            },
            new FixedClock(now),
            (_, _) => Task.CompletedTask);
        handlers = HandlerCatalog.All.ToDictionary(f => f.Id, f => f.Create(host));
    }

    public List<JsonElement> Transforms { get; } = [];

    public List<JsonElement> Stores { get; } = [];

    public JsonElement Load { get; private set; }

    public JsonElement Validation { get; private set; }

    public JsonElement Quarantine { get; private set; }

    public async Task RunAsync(string key, string executionName, string ingestedAt)
    {
        Load = await InvokeAsync(FunctionIds.LoadBatch, new { bucket = LocalAwsFixture.BucketName, key, executionName });
        var source = Load.GetProperty("source");
        Validation = await InvokeAsync(FunctionIds.Validate, new { source, workPrefix = Load.GetProperty("workPrefix"), listValidChunkKeys = true });
        foreach (var chunkKey in Validation.GetProperty("validChunkKeys").EnumerateArray())
        {
            var transform = await InvokeAsync(FunctionIds.Transform, new { source, chunkKey, workPrefix = Load.GetProperty("workPrefix"), ingestedAt });
            Transforms.Add(transform);
            Stores.Add(await InvokeAsync(FunctionIds.Store, new { source, transformedKey = transform.GetProperty("transformedKey") }));
        }

        Quarantine = await InvokeAsync(FunctionIds.Quarantine, new
        {
            source,
            invalidKey = Validation.GetProperty("invalidKey"),
            validCount = Validation.GetProperty("validCount"),
            invalidCount = Validation.GetProperty("invalidCount"),
            chunks = Stores,
        });
    }

    private async Task<JsonElement> InvokeAsync(string functionId, object payload)
    {
        await using var output = await handlers[functionId].HandleAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(payload)), CancellationToken.None);
        return (await JsonDocument.ParseAsync(output)).RootElement.Clone();
    }
}
