using System.Text.Json.Serialization.Metadata;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Handlers;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Catalog;

/// <summary>
/// The one place that says, for each logical function id, which handler runs it, the request and result it takes
/// and returns, what it reads from its environment and what AWS access it needs. The Pulumi program reads it to declare the
/// functions and their roles; the local engine uses the factories.
/// </summary>
public static class HandlerCatalog
{
    private static readonly EnvironmentSetting Bucket = new(EnvironmentVariables.BucketName, true, "the ingest bucket's name");

    private static readonly ResourceAccess ReadStaging = new(AccessTarget.IngestBucketObjects, StorageLayout.StagingRoot, ["s3:GetObject"], "reads staging objects of the execution");

    private static readonly ResourceAccess WriteQuarantine = new(AccessTarget.IngestBucketObjects, StorageLayout.QuarantinePrefix, ["s3:PutObject"], "writes quarantine files");

    private static readonly ResourceAccess WriteStaging = new(AccessTarget.IngestBucketObjects, StorageLayout.StagingRoot, ["s3:PutObject"], "writes staging objects of the execution");

    public static FunctionDefinition LoadBatch { get; } = Define(
        FunctionIds.LoadBatch,
        PayloadJsonContext.Default.LoadBatchRequest,
        PayloadJsonContext.Default.LoadBatchResult,
        [
            Bucket,
            new(EnvironmentVariables.ChunkSize, false, $"records per chunk (default {LoadBatchSettings.DefaultChunkSize})"),
            new(EnvironmentVariables.MaxObjectBytes, false, $"largest file read, in bytes (default {LoadBatchSettings.DefaultMaxObjectBytes})"),
            new(EnvironmentVariables.MaxRecordBytes, false, $"largest record read, in bytes (default {LoadBatchSettings.DefaultMaxRecordBytes})"),
        ],
        [
            new(AccessTarget.IngestBucketObjects, StorageLayout.IncomingPrefix, ["s3:GetObject"], "reads uploaded files"),
            WriteStaging,
        ],
        host => new LoadBatchHandler(host.S3, LoadBatchSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Log));

    public static FunctionDefinition Validate { get; } = Define(
        FunctionIds.Validate,
        PayloadJsonContext.Default.ValidateRequest,
        PayloadJsonContext.Default.ValidateResult,
        [Bucket],
        [ReadStaging, WriteStaging],
        host => new ValidateHandler(host.S3, BucketSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Log));

    public static FunctionDefinition Transform { get; } = Define(
        FunctionIds.Transform,
        PayloadJsonContext.Default.TransformRequest,
        PayloadJsonContext.Default.TransformResult,
        [Bucket],
        [ReadStaging, WriteStaging],
        host => new TransformHandler(host.S3, BucketSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Clock, host.Log));

    public static FunctionDefinition Store { get; } = Define(
        FunctionIds.Store,
        PayloadJsonContext.Default.StoreRequest,
        PayloadJsonContext.Default.StoreResult,
        [
            Bucket,
            new(EnvironmentVariables.TableName, true, "the records table's name"),
            new(EnvironmentVariables.StoreMaxAttempts, false, $"BatchWriteItem attempts per batch (default {StoreSettings.DefaultMaxAttempts})"),
            new(EnvironmentVariables.StoreBaseDelayMs, false, $"first backoff delay in ms (default {StoreSettings.DefaultBaseDelayMs})"),
            new(EnvironmentVariables.StoreMaxDelayMs, false, $"largest backoff delay in ms (default {StoreSettings.DefaultMaxDelayMs})"),
        ],
        [
            ReadStaging,
            new(AccessTarget.RecordsTable, null, ["dynamodb:BatchWriteItem", "dynamodb:UpdateItem"], "writes record items and updates the source ledger"),
            WriteQuarantine,
        ],
        host => new StoreHandler(host.S3, host.DynamoDb, StoreSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Clock, host.Delay, host.Log));

    public static FunctionDefinition Quarantine { get; } = Define(
        FunctionIds.Quarantine,
        PayloadJsonContext.Default.QuarantineRequest,
        PayloadJsonContext.Default.QuarantineResult,
        [Bucket],
        [
            ReadStaging,
            WriteQuarantine,
        ],
        host => new QuarantineHandler(host.S3, BucketSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Log));

    public static IReadOnlyList<FunctionDefinition> All { get; } = [LoadBatch, Validate, Transform, Store, Quarantine];

    public static FunctionDefinition Get(string functionId) =>
        All.FirstOrDefault(f => f.Id == functionId)
        ?? throw new KeyNotFoundException($"no function '{functionId}'; known: {string.Join(", ", All.Select(f => f.Id))}");

    private static FunctionDefinition Define<TRequest, TResult>(
        string id,
        JsonTypeInfo<TRequest> request,
        JsonTypeInfo<TResult> result,
        IReadOnlyList<EnvironmentSetting> environment,
        IReadOnlyList<ResourceAccess> access,
        Func<FunctionHost, FunctionHandler<TRequest, TResult>> create)
        where TRequest : class =>
        new(id, request, result, environment, access, create);
}
