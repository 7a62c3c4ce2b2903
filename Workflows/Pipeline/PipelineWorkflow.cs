using System.Text.Json.Serialization.Metadata;
using Pipeline.Functions;

namespace Pipeline.Workflows;

/// <summary>
/// The pipeline's workflow: load the file into chunks, validate, route on "any valid records", transform and
/// store the valid chunks in a Map while the invalid records are quarantined, then notify. Any error is caught,
/// notified with the execution's input (for redrive) and ends in a Fail state. Payloads carry S3 keys, never records.
/// </summary>
public static class PipelineWorkflow
{
    public const string NotificationTopicId = "NotificationTopic";

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

    public static StateMachineDefinition Create(PipelineWorkflowOptions? options = null)
    {
        options ??= new PipelineWorkflowOptions();
        var contract = PayloadJsonContext.Default;

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
                (Field(validateRequest, nameof(ValidateRequest.ChunkKeys)), Payload.Path(Load(nameof(LoadBatchResult.ChunkKeys)))),
                (Field(validateRequest, nameof(ValidateRequest.WorkPrefix)), Payload.Path(Load(nameof(LoadBatchResult.WorkPrefix)))))) with { ResultPath = "$.validation" });

        var quarantineRequest = contract.QuarantineRequest;
        var quarantinePayload = Payload.Object(
            (Field(quarantineRequest, nameof(QuarantineRequest.Source)), Payload.Path(Load(nameof(LoadBatchResult.Source)))),
            (Field(quarantineRequest, nameof(QuarantineRequest.InvalidKey)), Payload.Path(Validation(nameof(ValidateResult.InvalidKey)))));

        // Inside the Map each item is a TransformRequest (the ItemSelector below), and Transform's result goes to $.transform.
        var transformRequest = contract.TransformRequest;
        var transform = Invoke("Transform", HandlerCatalog.Transform,
            Payload.Object(
                (Field(transformRequest, nameof(TransformRequest.Source)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.Source))}")),
                (Field(transformRequest, nameof(TransformRequest.ChunkKey)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.ChunkKey))}")),
                (Field(transformRequest, nameof(TransformRequest.WorkPrefix)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.WorkPrefix))}")),
                (Field(transformRequest, nameof(TransformRequest.IngestedAt)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.IngestedAt))}"))))
            with { ResultPath = "$.transform" };

        // Store's output replaces the item: each Map result is a few bytes, whatever the number of chunks.
        var storeRequest = contract.StoreRequest;
        var store = Invoke("Store", HandlerCatalog.Store,
            Payload.Object(
                (Field(storeRequest, nameof(StoreRequest.Source)), Payload.Path($"$.{Field(transformRequest, nameof(TransformRequest.Source))}")),
                (Field(storeRequest, nameof(StoreRequest.TransformedKey)), Payload.Path($"$.transform.{Field(contract.TransformResult, nameof(TransformResult.TransformedKey))}"))));

        var processChunks = new MapState("ProcessChunks")
        {
            ItemsPath = Validation(nameof(ValidateResult.ValidChunkKeys)),
            ItemSelector = Payload.Object(
                (Field(transformRequest, nameof(TransformRequest.Source)), Payload.Path(Load(nameof(LoadBatchResult.Source)))),
                (Field(transformRequest, nameof(TransformRequest.ChunkKey)), Payload.Path("$$.Map.Item.Value")),
                (Field(transformRequest, nameof(TransformRequest.WorkPrefix)), Payload.Path(Load(nameof(LoadBatchResult.WorkPrefix)))),
                (Field(transformRequest, nameof(TransformRequest.IngestedAt)), Payload.Path("$$.Execution.StartTime"))),
            MaxConcurrency = options.MaxConcurrency,
        }.WithItemProcessor(Chain.Start(transform).Next(store));

        var quarantined = Field(contract.QuarantineResult, nameof(QuarantineResult.Quarantined));
        var quarantineKey = Field(contract.QuarantineResult, nameof(QuarantineResult.QuarantineKey));
        var processRecords = Guarded(new ParallelState("ProcessRecords")
        {
            ResultSelector = Payload.Object(
                ("chunkCount", Payload.Intrinsic("States.ArrayLength($[0])")),
                ("quarantined", Payload.Path($"$[1].{quarantined}")),
                ("quarantineKey", Payload.Path($"$[1].{quarantineKey}"))),
            ResultPath = "$.outcome",
        }
            .AddBranch(processChunks)
            .AddBranch(Invoke("QuarantineInvalidRecords", HandlerCatalog.Quarantine, quarantinePayload)));

        // With no valid record there is nothing to transform; the outcome has the same shape as ProcessRecords'.
        var quarantineAll = Guarded(Invoke("QuarantineAllRecords", HandlerCatalog.Quarantine, quarantinePayload) with
        {
            ResultSelector = Payload.Object(
                ("chunkCount", 0),
                ("quarantined", Payload.Path($"$.Payload.{quarantined}")),
                ("quarantineKey", Payload.Path($"$.Payload.{quarantineKey}"))),
            ResultPath = "$.outcome",
        });

        var anyValidRecords = new ChoiceState("AnyValidRecords")
            .When(Condition.NumericGreaterThan(Validation(nameof(ValidateResult.ValidCount)), 0), processRecords)
            .Otherwise(quarantineAll);

        var notifySuccess = Guarded(ServiceIntegrations.PublishToTopic("NotifySuccess", NotificationTopicId, "Pipeline run succeeded", Payload.Intrinsic(
                "States.Format('Pipeline run {} processed s3://{}/{}: {} records, {} valid, {} invalid, {} chunks stored, {} quarantined (at {}).', "
                + $"$$.Execution.Name, {Source(nameof(SourceObject.Bucket))}, {Source(nameof(SourceObject.Key))}, {Validation(nameof(ValidateResult.TotalCount))}, "
                + $"{Validation(nameof(ValidateResult.ValidCount))}, {Validation(nameof(ValidateResult.InvalidCount))}, $.outcome.chunkCount, $.outcome.quarantined, $.outcome.quarantineKey)"))
            with { ResultPath = DataPath.Null });

        var chain = Chain.Start(load)
            .Next(validate)
            .Next(anyValidRecords)
            .Next(notifySuccess)
            .Next(new SucceedState("PipelineSucceeded"));

        return StateMachineDefinition.From(
            chain,
            "Loads an uploaded file into chunks, validates, transforms and stores its records, quarantines invalid ones and reports the outcome.",
            options.ExecutionTimeoutSeconds);
    }
}
