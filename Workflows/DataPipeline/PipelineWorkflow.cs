using System.Text.Json.Serialization.Metadata;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Storage;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;
using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.DataPipeline;

/// <summary>
/// The pipeline's workflow: load the file into chunks, validate, transform and store the valid chunks in a Map (Store
/// quarantines any record the table refuses), quarantine the invalid records and account for every record, then notify
/// success or, when the table refused records, partial success. Any error is caught, notified with the execution's input
/// and ends in a Fail state, except a failed Map Run on Standard, which ends the execution where a redrive can continue
/// it. Payloads carry S3 keys and counts, never records.
/// </summary>
/// <remarks>
/// Every upload starts the Express machine: one EventBridge rule with no size comparison, because EventBridge compares
/// numbers only within ±1e9 and an object beyond that would match no size rule at all. The Express rendering starts with
/// <c>RouteBySize</c>, which hands an object of at least <see cref="PipelineWorkflowOptions.ExpressMaxObjectBytes"/> over
/// to the Standard machine (Step Functions compares any JSON number); the Standard rendering starts at <c>LoadBatch</c>.
/// </remarks>
public static class PipelineWorkflow
{
    public const string NotificationTopicId = "NotificationTopic";

    /// <summary>The Standard machine, which the Express one hands large objects over to.</summary>
    public const string StandardMachineId = "StandardMachine";

    /// <summary>The ingest bucket, where the Standard machine's distributed Map reads the chunk list and writes Store's results.</summary>
    public const string IngestBucketId = "IngestBucket";

    private const string ChunkResultsKey = "key";

    /// <summary>
    /// StartExecution refuses a name already used, once that execution has ended (Step Functions API reference,
    /// StartExecution): the event was handed over before, so the hand-over is done, not failed, and not retried.
    /// </summary>
    public const string ExecutionAlreadyExists = "StepFunctions.ExecutionAlreadyExistsException";

    /// <summary>Starting an execution can be throttled or fail transiently; any other failure is retried, then notified.</summary>
    public static Retrier StartExecutionErrors { get; } = new([ErrorNames.TaskFailed])
    {
        IntervalSeconds = 1,
        MaxAttempts = 5,
        BackoffRate = 2,
        MaxDelaySeconds = 30,
        JitterStrategy = JitterStrategy.Full,
    };

    /// <summary>Lambda's transient errors: retried with exponential backoff and full jitter. The pipeline's own <c>InvalidInput</c> is never retried.</summary>
    public static Retrier LambdaTransientErrors { get; } = new(
        ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"])
    {
        IntervalSeconds = 2,
        MaxAttempts = 6,
        BackoffRate = 2,
        MaxDelaySeconds = 60,
        JitterStrategy = JitterStrategy.Full,
    };

    /// <summary>The definition the <paramref name="variant"/> machine runs.</summary>
    public static StateMachineDefinition Create(PipelineWorkflowOptions? options = null, WorkflowVariant variant = WorkflowVariant.Standard)
    {
        options ??= new PipelineWorkflowOptions();
        var contract = PayloadJsonContext.Default;
        var inline = variant == WorkflowVariant.Express;

        // Payload and result fields are named through the functions' own types (see HandlerCatalog).
        string Field(JsonTypeInfo type, string member) => PayloadFields.Name(type, member);
        string Load(string member) => $"$.load.{Field(contract.LoadBatchResult, member)}";
        string Validation(string member) => $"$.validation.{Field(contract.ValidateResult, member)}";
        string Source(string member) => $"{Load(nameof(LoadBatchResult.Source))}.{Field(contract.SourceObject, member)}";

        TaskState Invoke(string name, FunctionDefinition function, PayloadObject payload) =>
            ServiceIntegrations.InvokeFunction(name, function.Id, payload, [.. PayloadFields.All(function.Result)])
                .AddRetry(LambdaTransientErrors) with { TimeoutSeconds = options.TaskTimeoutSeconds };

        var failure = Chain.Start(
                ServiceIntegrations.PublishToTopic("NotifyFailure", NotificationTopicId, "Pipeline run failed", Payload.Intrinsic(
                    "States.Format('Pipeline run {} failed with {}: {}. Input for redrive: {}', $$.Execution.Name, $.error.Error, $.error.Cause, States.JsonToString($$.Execution.Input))"))
                with { ResultPath = DataPath.Null })
            .Next(new FailState("PipelineFailed") { ErrorPath = "$.error.Error", CausePath = "$.error.Cause" });

        TState Guarded<TState>(TState state)
            where TState : RecoverableState => state.AddCatch(failure, "$.error");

        var loadRequest = contract.LoadBatchRequest;
        var load = Guarded(Invoke("LoadBatch", HandlerCatalog.LoadBatch,
            Payload.Object(
                (Field(loadRequest, nameof(LoadBatchRequest.Bucket)), Payload.Path("$.detail.bucket.name")),
                (Field(loadRequest, nameof(LoadBatchRequest.Key)), Payload.Path("$.detail.object.key")),
                (Field(loadRequest, nameof(LoadBatchRequest.ExecutionName)), Payload.Path("$$.Execution.Name")))) with { ResultPath = "$.load" });

        var validateRequest = contract.ValidateRequest;
        var validate = Guarded(Invoke("Validate", HandlerCatalog.Validate,
            Payload.Object(
                (Field(validateRequest, nameof(ValidateRequest.Source)), Payload.Path(Load(nameof(LoadBatchResult.Source)))),
                (Field(validateRequest, nameof(ValidateRequest.StagingPrefix)), Payload.Path(Load(nameof(LoadBatchResult.StagingPrefix)))),
                (Field(validateRequest, nameof(ValidateRequest.ListValidChunkKeys)), inline))) with { ResultPath = "$.validation" });

        // Inside the Map each item is a TransformRequest (the ItemSelector below), and Transform's result goes to $.transform.
        var transformRequest = contract.TransformRequest;
        var transform = Invoke("Transform", HandlerCatalog.Transform,
            Payload.Object(
                (Field(transformRequest, nameof(TransformRequest.Source)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.Source))}")),
                (Field(transformRequest, nameof(TransformRequest.ChunkKey)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.ChunkKey))}")),
                (Field(transformRequest, nameof(TransformRequest.StagingPrefix)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.StagingPrefix))}")),
                (Field(transformRequest, nameof(TransformRequest.IngestedAt)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.IngestedAt))}"))))
            with { ResultPath = "$.transform" };

        // Store's output replaces the item: each Map result is Store's few counts, whatever the number of records.
        var storeRequest = contract.StoreRequest;
        var store = Invoke("Store", HandlerCatalog.Store,
            Payload.Object(
                (Field(storeRequest, nameof(StoreRequest.Source)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.Source))}")),
                (Field(storeRequest, nameof(StoreRequest.TransformedKey)), Payload.Path($"$.transform.{Field(contract.TransformResult, nameof(TransformResult.TransformedKey))}"))));

        // Inline (Express): the valid chunks' keys are in the state, and Store's results come back as an array. Distributed
        // (Standard): each chunk is a child Express execution; the keys are read from Validate's list in S3 and Store's
        // results written beside them, so the execution's state and history stay the same size whatever the file's.
        PayloadObject ItemSelector(string chunkKey) => Payload.Object(
            (Field(transformRequest, nameof(TransformRequest.Source)), Payload.Path(Load(nameof(LoadBatchResult.Source)))),
            (Field(transformRequest, nameof(TransformRequest.ChunkKey)), Payload.Path(chunkKey)),
            (Field(transformRequest, nameof(TransformRequest.StagingPrefix)), Payload.Path(Load(nameof(LoadBatchResult.StagingPrefix)))),
            (Field(transformRequest, nameof(TransformRequest.IngestedAt)), Payload.Path("$$.Execution.StartTime")));
        var chunkResults = $"$.chunkResults.{ChunkResultsKey}";
        var chunkMap = (inline
            ? new MapState("ProcessChunks")
            {
                ItemsPath = Validation(nameof(ValidateResult.ValidChunkKeys)),
                ItemSelector = ItemSelector("$$.Map.Item.Value"),
                MaxConcurrency = options.MaxConcurrency,
                ResultPath = "$.chunks",
            }
            : new MapState("ProcessChunks")
            {
                ProcessorMode = MapProcessorMode.DistributedExpress,
                ItemReader = new MapItemReader(
                    Payload.Object(("Bucket", ResourceRef.Bucket(IngestBucketId)), ("Key", Payload.Path(Validation(nameof(ValidateResult.ValidChunkListKey))))),
                    MapItemReader.JsonLines),
                ItemSelector = ItemSelector($"$$.Map.Item.Value.{Field(contract.ValidChunk, nameof(ValidChunk.ChunkKey))}"),
                MaxConcurrency = options.MaxConcurrency,
                ToleratedFailurePercentage = options.ToleratedFailurePercentage > 0 ? options.ToleratedFailurePercentage : null,
                ResultWriter = new MapResultWriter(Payload.Object(("Bucket", ResourceRef.Bucket(IngestBucketId)), ("Prefix", StorageLayout.ChunkResultsPrefix))),
                ResultSelector = Payload.Object((ChunkResultsKey, Payload.Path("$.ResultWriterDetails.Key"))),
                ResultPath = "$.chunkResults",
            }).WithItemProcessor(Chain.Start(transform).Next(store));

        // On Standard a failed Map Run is not caught: the execution fails at ProcessChunks, so RedriveExecution continues
        // there and runs only the chunks that failed (a caught failure would leave a redrive nothing but the Fail state).
        // The run-failed rule (EventBridge) notifies it; Express executions emit no such events, so Express catches it.
        var processChunks = inline ? Guarded(chunkMap) : chunkMap;

        // With no valid record there is nothing to transform: no chunk was stored.
        var noValidRecords = inline
            ? new PassState("NoValidRecords") { Result = Payload.Array(), ResultPath = "$.chunks" }
            : new PassState("NoValidRecords") { Result = Payload.Object((ChunkResultsKey, Payload.Null)), ResultPath = "$.chunkResults" };

        var anyValidRecords = new ChoiceState("AnyValidRecords")
            .When(Condition.NumericGreaterThan(Validation(nameof(ValidateResult.ValidCount)), 0), processChunks)
            .Otherwise(noValidRecords);

        // Quarantines the invalid records and accounts for every record: the run fails unless all are stored or quarantined.
        var quarantineRequest = contract.QuarantineRequest;
        var accountForRecords = Guarded(Invoke("QuarantineAndAccount", HandlerCatalog.Quarantine,
            Payload.Object(
                (Field(quarantineRequest, nameof(QuarantineRequest.Source)), Payload.Path(Load(nameof(LoadBatchResult.Source)))),
                (Field(quarantineRequest, nameof(QuarantineRequest.InvalidKey)), Payload.Path(Validation(nameof(ValidateResult.InvalidKey)))),
                (Field(quarantineRequest, nameof(QuarantineRequest.ValidCount)), Payload.Path(Validation(nameof(ValidateResult.ValidCount)))),
                (Field(quarantineRequest, nameof(QuarantineRequest.InvalidCount)), Payload.Path(Validation(nameof(ValidateResult.InvalidCount)))),
                inline
                    ? (Field(quarantineRequest, nameof(QuarantineRequest.Chunks)), Payload.Path("$.chunks"))
                    : (Field(quarantineRequest, nameof(QuarantineRequest.ChunkResultsKey)), Payload.Path(chunkResults)))) with { ResultPath = "$.outcome" });

        string Outcome(string member) => $"$.outcome.{Field(contract.QuarantineResult, member)}";
        string Counts(string verb) => $"States.Format('Pipeline run {{}} {verb} s3://{{}}/{{}}: {{}} records, {{}} valid, {{}} invalid; {{}} stored, "
            + "{} stored by an earlier delivery, {} quarantined ({} invalid at {}, {} refused by the table beside it).', "
            + $"$$.Execution.Name, {Source(nameof(SourceObject.Bucket))}, {Source(nameof(SourceObject.Key))}, {Validation(nameof(ValidateResult.TotalCount))}, "
            + $"{Validation(nameof(ValidateResult.ValidCount))}, {Validation(nameof(ValidateResult.InvalidCount))}, {Outcome(nameof(QuarantineResult.Stored))}, "
            + $"{Outcome(nameof(QuarantineResult.AlreadyStored))}, {Outcome(nameof(QuarantineResult.Quarantined))}, {Validation(nameof(ValidateResult.InvalidCount))}, "
            + $"{Outcome(nameof(QuarantineResult.QuarantineKey))}, {Outcome(nameof(QuarantineResult.Rejected))})";
        TaskState Notify(string name, string subject, string verb) => Guarded(ServiceIntegrations.PublishToTopic(
                name, NotificationTopicId, subject, Payload.Intrinsic(Counts(verb))))
            with { ResultPath = DataPath.Null };

        // A record the table refused is quarantined, not lost, but the run did not store everything it validated: say so.
        var anyRefused = new ChoiceState("AnyRecordsRefused")
            .When(Condition.NumericGreaterThan(Outcome(nameof(QuarantineResult.Rejected)), 0),
                Notify("NotifyPartialSuccess", "Pipeline run partially succeeded", "partially processed"))
            .Otherwise(Notify("NotifySuccess", "Pipeline run succeeded", "processed"));

        var process = Chain.Start(load)
            .Next(validate)
            .Next(anyValidRecords)
            .Next(accountForRecords)
            .Next(anyRefused)
            .Next(new SucceedState("PipelineSucceeded"));

        // The event's id names the Standard execution: a redelivered event cannot start a second one.
        var handedOver = new SucceedState("HandedOverToStandard");
        var handOver = Guarded(ServiceIntegrations.StartMachine("HandOverToStandard", StandardMachineId, Payload.Path("$"), Payload.Path("$.id"))
            .AddRetry(new Retrier([ExecutionAlreadyExists]) { MaxAttempts = 0 })
            .AddRetry(StartExecutionErrors)
            .AddCatch(handedOver, DataPath.Null, [ExecutionAlreadyExists]) with { ResultPath = DataPath.Null });
        var chain = variant == WorkflowVariant.Express
            ? Chain.Start(new ChoiceState("RouteBySize")
                .When(Condition.NumericGreaterThanEquals("$.detail.object.size", options.ExpressMaxObjectBytes), Chain.Start(handOver).Next(handedOver))
                .Otherwise(process))
            : process;

        return StateMachineDefinition.From(
            chain,
            "Loads an uploaded file into chunks, validates, transforms and stores its records, quarantines invalid ones and reports the outcome.",
            options.ExecutionTimeoutSeconds);
    }
}
