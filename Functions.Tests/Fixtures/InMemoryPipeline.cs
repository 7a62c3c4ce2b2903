using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moq;

namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>
/// Runs LoadBatch, Validate, Transform, Store and Quarantine over one file against <see cref="InMemoryS3"/> and a table
/// that takes every write (DynamoDB's own behaviour is the integration tests').
/// </summary>
public sealed class InMemoryPipeline
{
    public const string Bucket = "ingest-bucket";

    public static readonly DateTimeOffset IngestedAt = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private int runs;

    public InMemoryPipeline(int chunkSize = LoadBatchSettings.DefaultChunkSize)
    {
        var bucket = new BucketSettings(Bucket);
        LoadBatch = new LoadBatchHandler(S3.Object, new LoadBatchSettings(Bucket, chunkSize));
        Validate = new ValidateHandler(S3.Object, bucket);
        Transform = new TransformHandler(S3.Object, bucket, TimeProvider.System);
        Quarantine = new QuarantineHandler(S3.Object, bucket);
        var table = new Mock<IAmazonDynamoDB>();
        table.Setup(d => d.UpdateItemAsync(It.IsAny<UpdateItemRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new UpdateItemResponse());
        table.Setup(d => d.BatchWriteItemAsync(It.IsAny<BatchWriteItemRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new BatchWriteItemResponse());
        Store = new StoreHandler(S3.Object, table.Object, new StoreSettings(Bucket, "records"), TimeProvider.System, (_, _) => Task.CompletedTask);
    }

    public StoreHandler Store { get; }

    public InMemoryS3 S3 { get; } = new();

    public LoadBatchHandler LoadBatch { get; }

    public ValidateHandler Validate { get; }

    public TransformHandler Transform { get; }

    public QuarantineHandler Quarantine { get; }

    public Task<PipelineOutcome> RunAsync(string content, string key = "incoming/data.json", string? contentType = null) =>
        RunAsync(Encoding.UTF8.GetBytes(content), key, contentType);

    public async Task<PipelineOutcome> RunAsync(byte[] content, string key, string? contentType = null)
    {
        S3.Upload(Bucket, key, content, contentType);
        var load = await LoadBatch.HandleAsync(new LoadBatchRequest(Bucket, key, $"run-{Interlocked.Increment(ref runs)}"));
        var validation = await Validate.HandleAsync(new ValidateRequest(load.Source, load.StagingPrefix, ListValidChunkKeys: true));
        var transformed = new List<JsonElement>();
        var chunks = new List<StoreResult>();
        foreach (var chunkKey in validation.ValidChunkKeys)
        {
            var result = await Transform.HandleAsync(new TransformRequest(load.Source, chunkKey, load.StagingPrefix, IngestedAt));
            transformed.AddRange(Lines(S3.ReadText(Bucket, result.TransformedKey)));
            chunks.Add(await Store.HandleAsync(new StoreRequest(load.Source, result.TransformedKey)));
        }

        var quarantine = await Quarantine.HandleAsync(new QuarantineRequest(load.Source, validation.InvalidKey, validation.ValidCount, validation.InvalidCount, chunks));
        var quarantined = quarantine.QuarantineKey is null ? [] : Lines(S3.ReadText(Bucket, quarantine.QuarantineKey));
        return new PipelineOutcome(load, validation, quarantine, transformed, quarantined);
    }

    public static IReadOnlyList<JsonElement> Lines(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
}
