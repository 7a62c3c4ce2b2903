namespace Pipeline.Functions;

/// <summary>
/// The one place that says, for each logical function id, which handler runs it, what it reads
/// from its environment and what AWS access it needs. The Pulumi program reads it to declare the
/// functions and their roles; the local engine uses the factories.
/// </summary>
public static class HandlerCatalog
{
    /// <summary>The assembly the functions are deployed in (the first part of every handler string).</summary>
    public const string AssemblyName = "Functions";

    /// <summary>The method every handler string names: <c>Task&lt;Stream&gt; HandleAsync(Stream)</c>.</summary>
    public const string MethodName = nameof(IFunctionHandler.HandleAsync);

    private static readonly EnvironmentSetting Bucket = new(EnvironmentVariables.BucketName, true, "the ingest bucket's name");

    private static readonly ResourceAccess ReadWork = new(AccessTarget.IngestBucketObjects, StorageLayout.WorkRoot, ["s3:GetObject"], "reads work objects of the execution");

    private static readonly ResourceAccess WriteWork = new(AccessTarget.IngestBucketObjects, StorageLayout.WorkRoot, ["s3:PutObject"], "writes work objects of the execution");

    public static FunctionDefinition LoadBatch { get; } = Define<LoadBatchHandler>(
        FunctionIds.LoadBatch,
        [
            Bucket,
            new(EnvironmentVariables.ChunkSize, false, $"records per chunk (default {LoadBatchSettings.DefaultChunkSize})"),
            new(EnvironmentVariables.MaxObjectBytes, false, $"largest file read, in bytes (default {LoadBatchSettings.DefaultMaxObjectBytes})"),
        ],
        [
            new(AccessTarget.IngestBucketObjects, StorageLayout.IncomingPrefix, ["s3:GetObject"], "reads uploaded files"),
            WriteWork,
        ],
        host => new LoadBatchHandler(host.S3, LoadBatchSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Log));

    public static FunctionDefinition Validate { get; } = Define<ValidateHandler>(
        FunctionIds.Validate,
        [Bucket],
        [ReadWork, WriteWork],
        host => new ValidateHandler(host.S3, BucketSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Log));

    public static FunctionDefinition Transform { get; } = Define<TransformHandler>(
        FunctionIds.Transform,
        [Bucket],
        [ReadWork, WriteWork],
        host => new TransformHandler(host.S3, BucketSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Clock, host.Log));

    public static FunctionDefinition Store { get; } = Define<StoreHandler>(
        FunctionIds.Store,
        [
            Bucket,
            new(EnvironmentVariables.TableName, true, "the records table's name"),
            new(EnvironmentVariables.StoreMaxAttempts, false, $"BatchWriteItem attempts per batch (default {StoreSettings.DefaultMaxAttempts})"),
            new(EnvironmentVariables.StoreBaseDelayMs, false, $"first backoff delay in ms (default {StoreSettings.DefaultBaseDelayMs})"),
            new(EnvironmentVariables.StoreMaxDelayMs, false, $"largest backoff delay in ms (default {StoreSettings.DefaultMaxDelayMs})"),
        ],
        [
            ReadWork,
            new(AccessTarget.RecordsTable, null, ["dynamodb:BatchWriteItem", "dynamodb:UpdateItem"], "writes record items and updates the source ledger"),
        ],
        host => new StoreHandler(host.S3, host.DynamoDb, StoreSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Clock, host.Delay, host.Log));

    public static FunctionDefinition Quarantine { get; } = Define<QuarantineHandler>(
        FunctionIds.Quarantine,
        [Bucket],
        [
            ReadWork,
            new(AccessTarget.IngestBucketObjects, StorageLayout.QuarantinePrefix, ["s3:PutObject"], "writes quarantine files"),
        ],
        host => new QuarantineHandler(host.S3, BucketSettings.FromEnvironment(EnvironmentReader.FromDictionary(host.Environment)), host.Log));

    public static IReadOnlyList<FunctionDefinition> All { get; } = [LoadBatch, Validate, Transform, Store, Quarantine];

    public static FunctionDefinition Get(string functionId) =>
        All.FirstOrDefault(f => f.Id == functionId)
        ?? throw new KeyNotFoundException($"no function '{functionId}'; known: {string.Join(", ", All.Select(f => f.Id))}");

    /// <summary><c>Functions::Pipeline.Functions.&lt;Type&gt;::HandleAsync</c>.</summary>
    public static string HandlerString(Type handlerType)
    {
        ArgumentNullException.ThrowIfNull(handlerType);
        return $"{AssemblyName}::{handlerType.FullName}::{MethodName}";
    }

    private static FunctionDefinition Define<THandler>(
        string id,
        IReadOnlyList<EnvironmentSetting> environment,
        IReadOnlyList<ResourceAccess> access,
        Func<FunctionHost, IFunctionHandler> create)
        where THandler : IFunctionHandler =>
        new(id, typeof(THandler), HandlerString(typeof(THandler)), environment, access, create);
}
