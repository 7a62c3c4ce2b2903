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

        TaskState Invoke(string name, string functionId, PayloadObject payload, params string[] resultFields) =>
            ServiceIntegrations.InvokeFunction(name, functionId, payload, resultFields)
                .AddRetry(LambdaTransientErrors) with { TimeoutSeconds = options.TaskTimeoutSeconds };

        var failure = Chain.Start(
                ServiceIntegrations.PublishToTopic("NotifyFailure", NotificationTopicId, "Pipeline run failed", Payload.Intrinsic(
                    "States.Format('Pipeline run {} failed with {}: {}. Input for redrive: {}', $$.Execution.Name, $.error.Error, $.error.Cause, States.JsonToString($$.Execution.Input))"))
                with { ResultPath = DataPath.Null })
            .Next(new FailState("PipelineFailed") { ErrorPath = "$.error.Error", CausePath = "$.error.Cause" });

        TState Guarded<TState>(TState state)
            where TState : RecoverableState => state.AddCatch(failure, "$.error");

        var load = Guarded(Invoke("LoadBatch", "LoadBatch",
            Payload.Object(
                ("bucket", Payload.Path("$.detail.bucket.name")),
                ("key", Payload.Path("$.detail.object.key")),
                ("executionName", Payload.Path("$$.Execution.Name"))),
            "source", "recordCount", "chunkKeys", "workPrefix") with { ResultPath = "$.load" });

        var validate = Guarded(Invoke("Validate", "Validate",
            Payload.Object(
                ("source", Payload.Path("$.load.source")),
                ("chunkKeys", Payload.Path("$.load.chunkKeys")),
                ("workPrefix", Payload.Path("$.load.workPrefix"))),
            "totalCount", "validCount", "invalidCount", "validChunkKeys", "invalidKey") with { ResultPath = "$.validation" });

        var quarantinePayload = Payload.Object(
            ("source", Payload.Path("$.load.source")),
            ("invalidKey", Payload.Path("$.validation.invalidKey")));

        var transform = Invoke("Transform", "Transform",
            Payload.Object(
                ("source", Payload.Path("$.source")),
                ("chunkKey", Payload.Path("$.chunkKey")),
                ("workPrefix", Payload.Path("$.workPrefix")),
                ("ingestedAt", Payload.Path("$.ingestedAt"))),
            "transformedKey", "count") with { ResultPath = "$.transform" };

        // Store's output replaces the item: each Map result is a few bytes, whatever the number of chunks.
        var store = Invoke("Store", "Store",
            Payload.Object(
                ("source", Payload.Path("$.source")),
                ("transformedKey", Payload.Path("$.transform.transformedKey"))),
            "stored", "duplicate");

        var processChunks = new MapState("ProcessChunks")
        {
            ItemsPath = "$.validation.validChunkKeys",
            ItemSelector = Payload.Object(
                ("source", Payload.Path("$.load.source")),
                ("chunkKey", Payload.Path("$$.Map.Item.Value")),
                ("workPrefix", Payload.Path("$.load.workPrefix")),
                ("ingestedAt", Payload.Path("$$.Execution.StartTime"))),
            MaxConcurrency = options.MaxConcurrency,
        }.WithItemProcessor(Chain.Start(transform).Next(store));

        var processRecords = Guarded(new ParallelState("ProcessRecords")
        {
            ResultSelector = Payload.Object(
                ("chunkCount", Payload.Intrinsic("States.ArrayLength($[0])")),
                ("quarantined", Payload.Path("$[1].quarantined")),
                ("quarantineKey", Payload.Path("$[1].quarantineKey"))),
            ResultPath = "$.outcome",
        }
            .AddBranch(processChunks)
            .AddBranch(Invoke("QuarantineInvalidRecords", "Quarantine", quarantinePayload, "quarantined", "quarantineKey")));

        // With no valid record there is nothing to transform; the outcome has the same shape as ProcessRecords'.
        var quarantineAll = Guarded(Invoke("QuarantineAllRecords", "Quarantine", quarantinePayload) with
        {
            ResultSelector = Payload.Object(
                ("chunkCount", 0),
                ("quarantined", Payload.Path("$.Payload.quarantined")),
                ("quarantineKey", Payload.Path("$.Payload.quarantineKey"))),
            ResultPath = "$.outcome",
        });

        var anyValidRecords = new ChoiceState("AnyValidRecords")
            .When(Condition.NumericGreaterThan("$.validation.validCount", 0), processRecords)
            .Otherwise(quarantineAll);

        var notifySuccess = Guarded(ServiceIntegrations.PublishToTopic("NotifySuccess", NotificationTopicId, "Pipeline run succeeded", Payload.Intrinsic(
                "States.Format('Pipeline run {} processed s3://{}/{}: {} records, {} valid, {} invalid, {} chunks stored, {} quarantined (at {}).', "
                + "$$.Execution.Name, $.load.source.bucket, $.load.source.key, $.validation.totalCount, $.validation.validCount, "
                + "$.validation.invalidCount, $.outcome.chunkCount, $.outcome.quarantined, $.outcome.quarantineKey)"))
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
