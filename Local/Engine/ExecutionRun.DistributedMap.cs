using ErrorNames = Pipeline.Workflows.ErrorNames;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.History;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Engine;

/// <summary>
/// A distributed Map: its items (an ItemReader's object, or the array at ItemsPath) shaped by ItemSelector and grouped
/// by ItemBatcher, each run as a child execution of its own type, with its own history and quotas; failures up to the
/// tolerated count or percentage; results written by a ResultWriter as Step Functions lays them out, or returned.
/// </summary>
internal sealed partial class ExecutionRun
{
    /// <summary>Child executions a distributed Map runs at once at most (and when MaxConcurrency is 0).</summary>
    private const int DistributedMapConcurrency = 10_000;

    private readonly ConcurrentQueue<ChildExecution> children = new();

    private async Task<JsonNode?> RunDistributedMapAsync(MapState state, JsonNode? input, ExecutionPath path, DateTimeOffset enteredTime, int retryCount)
    {
        var context = ContextObject(state, enteredTime, retryCount, null);
        var effective = ApplyInputPath(state, input, context);
        var items = state.ItemReader is { } reader
            ? await ReadItemsAsync(state, reader, effective, context, path).ConfigureAwait(false)
            : (Select(state.ItemsPath, effective, context) as JsonArray)?.Select(item => item?.DeepClone()).ToList()
                ?? throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': ItemsPath '{state.ItemsPath}' must select an array.");
        var selected = items.Select((item, index) => state.ItemSelector is null
                ? item
                : PayloadTemplate.Evaluate(state.ItemSelector, effective, ContextObject(state, enteredTime, retryCount, new JsonObject { ["Index"] = index, ["Value"] = item?.DeepClone() }), path.Intrinsics))
            .ToList();
        var inputs = state.ItemBatcher is { } batcher ? Batches(batcher, selected, effective, context, path) : selected;

        var label = state.Label ?? state.Name;
        var mapRunId = NewName(path.Random.Next());
        var mapRunArn = $"arn:aws:states:{options.Region}:{options.AccountId}:mapRun:{options.StateMachineName}/{label}:{mapRunId}";
        history.Add(path, HistoryEventType.MapRunStarted, new JsonObject { ["mapRunArn"] = mapRunArn });

        var childMachine = machine with { Graph = state.Processor, TimeoutSeconds = null };
        var results = new ChildResult[inputs.Count];
        var failed = 0;
        try
        {
            var concurrency = MaxConcurrency(state, effective, DistributedMapConcurrency);
            await FanOutAsync(path, inputs.Count, concurrency, async (index, branch) =>
            {
                var childOptions = options with
                {
                    Name = NewName(branch.Seed),
                    Type = state.ChildType,
                    StartTime = branch.Timeline.UtcNow,
                    Seed = branch.Seed,
                    StateMachineName = $"{options.StateMachineName}/{label}",
                    OnEvent = null,
                };
                var child = await new ExecutionRun(childMachine, invoker, childOptions, objects).RunAsync(inputs[index], branch.CancellationToken).ConfigureAwait(false);
                branch.Timeline.AdvanceTo(child.StopTime);
                foreach (var call in child.LambdaInvocations)
                {
                    lambdaInvocations.Enqueue(call);
                }

                children.Enqueue(new ChildExecution(child.Name, child.Type, child.Status, child.StateTransitions, child.StopTime - child.StartTime, child.Quotas));
                results[index] = new ChildResult(child, inputs[index]);
                if (child.Status != ExecutionStatus.Succeeded && ExceedsTolerance(state, Interlocked.Increment(ref failed), inputs.Count))
                {
                    throw new StatesErrorException(
                        ErrorNames.ExceedToleratedFailureThreshold,
                        $"The specified tolerated failure threshold was exceeded: child execution {child.Name} ended {child.Status} ({child.Error}: {child.Cause}).");
                }
            }).ConfigureAwait(false);
        }
        catch (StatesErrorException ex)
        {
            history.Add(path, HistoryEventType.MapRunFailed, ErrorDetails(ex.Error, ex.Cause));
            throw;
        }

        history.Add(path, HistoryEventType.MapRunSucceeded, new JsonObject { ["mapRunArn"] = mapRunArn });
        var output = state.ResultWriter is { } writer
            ? await WriteResultsAsync(state, writer, mapRunArn, mapRunId, results, effective, context, path).ConfigureAwait(false)
            : new JsonArray([.. results.Select(result => result.Child.Status == ExecutionStatus.Succeeded
                ? result.Child.Output?.DeepClone()
                : new JsonObject { ["Error"] = result.Child.Error, ["Cause"] = result.Child.Cause })]);
        return Finish(state, input, output, context, path);
    }

    private async Task<List<JsonNode?>> ReadItemsAsync(MapState state, ItemReaderConfig reader, JsonNode? effective, JsonNode context, ExecutionPath path)
    {
        var (bucket, key) = Location(state, PayloadTemplate.Evaluate(reader.Parameters, effective, context, path.Intrinsics), "Key", "ItemReader");
        var store = objects ?? throw new StatesErrorException(ErrorNames.ItemReaderFailed, $"State '{state.Name}': no object store is bound to the local engine to read s3://{bucket}/{key}.");
        byte[] content;
        try
        {
            content = await store.GetAsync(bucket, key, path.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StatesErrorException(ErrorNames.ItemReaderFailed, $"The ItemReader could not read s3://{bucket}/{key}: {ex.Message}");
        }

        return ItemReading.Read(reader, content, $"s3://{bucket}/{key}");
    }

    /// <summary>Groups items into <c>{"Items": [...]}</c> inputs, closing a batch at the item count or before the byte bound.</summary>
    private static List<JsonNode?> Batches(ItemBatcherConfig batcher, List<JsonNode?> items, JsonNode? effective, JsonNode context, ExecutionPath path)
    {
        var batchInput = batcher.BatchInput is null ? null : PayloadTemplate.Evaluate(batcher.BatchInput, effective, context, path.Intrinsics);
        var batches = new List<JsonNode?>();
        var current = new JsonArray();
        var bytes = 0;
        foreach (var item in items)
        {
            var size = Encoding.UTF8.GetByteCount(Json(item));
            var full = (batcher.MaxItemsPerBatch > 0 && current.Count == batcher.MaxItemsPerBatch)
                || (batcher.MaxInputBytesPerBatch > 0 && current.Count > 0 && bytes + size > batcher.MaxInputBytesPerBatch);
            if (full)
            {
                batches.Add(Batch(current, batchInput));
                (current, bytes) = (new JsonArray(), 0);
            }

            current.Add(item?.DeepClone());
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(Batch(current, batchInput));
        }

        return batches;
    }

    private static JsonObject Batch(JsonArray items, JsonNode? batchInput)
    {
        var batch = new JsonObject { ["Items"] = items };
        if (batchInput is not null)
        {
            batch["BatchInput"] = batchInput.DeepClone();
        }

        return batch;
    }

    /// <summary>Fails the Map Run once more children failed than either tolerance allows (none when neither is given).</summary>
    private static bool ExceedsTolerance(MapState state, int failed, int total) =>
        (state.ToleratedFailureCount, state.ToleratedFailurePercentage) switch
        {
            (null, null) => failed > 0,
            (var count, var percentage) => (count is { } c && failed > c) || (percentage is { } p && failed * 100.0 / total > p),
        };

    /// <summary>
    /// Writes the children's results as Step Functions lays them out under <c>Prefix/&lt;map run id&gt;/</c>: one file per
    /// status (SUCCEEDED_0.json, FAILED_0.json) and a manifest.json listing them; the state's result names the manifest.
    /// </summary>
    private async Task<JsonNode> WriteResultsAsync(
        MapState state, ResultWriterConfig writer, string mapRunArn, string mapRunId, ChildResult[] results, JsonNode? effective, JsonNode context, ExecutionPath path)
    {
        var (bucket, prefix) = Location(state, PayloadTemplate.Evaluate(writer.Parameters, effective, context, path.Intrinsics), "Prefix", "ResultWriter");
        var store = objects ?? throw new StatesErrorException(ErrorNames.ResultWriterFailed, $"State '{state.Name}': no object store is bound to the local engine to write to s3://{bucket}/{prefix}.");
        var folder = prefix.Length == 0 ? $"{mapRunId}/" : $"{prefix.TrimEnd('/')}/{mapRunId}/";
        var childMachineArn = $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{options.StateMachineName}/{state.Label ?? state.Name}";
        var files = new JsonObject { ["FAILED"] = new JsonArray(), ["PENDING"] = new JsonArray(), ["SUCCEEDED"] = new JsonArray() };
        try
        {
            foreach (var group in results.GroupBy(result => result.Child.Status == ExecutionStatus.Succeeded ? "SUCCEEDED" : "FAILED"))
            {
                var key = $"{folder}{group.Key}_0.json";
                var content = Encoding.UTF8.GetBytes(Json(new JsonArray([.. group.Select(result => result.Entry(childMachineArn))])));
                await store.PutAsync(bucket, key, content, path.CancellationToken).ConfigureAwait(false);
                files[group.Key]!.AsArray().Add(new JsonObject { ["Key"] = key, ["Size"] = content.Length });
            }

            var manifest = new JsonObject { ["DestinationBucket"] = bucket, ["MapRunArn"] = mapRunArn, ["ResultFiles"] = files };
            await store.PutAsync(bucket, $"{folder}manifest.json", Encoding.UTF8.GetBytes(Json(manifest)), path.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or StatesErrorException))
        {
            throw new StatesErrorException(ErrorNames.ResultWriterFailed, $"The ResultWriter could not write to s3://{bucket}/{folder}: {ex.Message}");
        }

        return new JsonObject
        {
            ["MapRunArn"] = mapRunArn,
            ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = $"{folder}manifest.json" },
        };
    }

    private static (string Bucket, string Name) Location(MapState state, JsonNode? parameters, string nameField, string owner) =>
        parameters?["Bucket"] is JsonValue bucket && bucket.TryGetValue<string>(out var b)
            ? (b, parameters[nameField] is JsonValue name && name.TryGetValue<string>(out var n) ? n : nameField == "Prefix" ? string.Empty
                : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': the {owner} needs a {nameField} string."))
            : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': the {owner} needs a Bucket string.");

    /// <summary>A child's end and the input it was given, as the ResultWriter reports it.</summary>
    private sealed record ChildResult(ExecutionResult Child, JsonNode? Input)
    {
        public JsonObject Entry(string stateMachineArn)
        {
            var entry = new JsonObject
            {
                ["ExecutionArn"] = Child.ExecutionArn,
                ["Input"] = Json(Input),
                ["InputDetails"] = new JsonObject { ["Included"] = true },
                ["Name"] = Child.Name,
                ["StartDate"] = AslTimestamp.Format(Child.StartTime),
                ["StateMachineArn"] = stateMachineArn,
                ["Status"] = Child.Status switch
                {
                    ExecutionStatus.Succeeded => "SUCCEEDED",
                    ExecutionStatus.TimedOut => "TIMED_OUT",
                    _ => "FAILED",
                },
                ["StopDate"] = AslTimestamp.Format(Child.StopTime),
            };
            if (Child.Status == ExecutionStatus.Succeeded)
            {
                entry["Output"] = Json(Child.Output);
                entry["OutputDetails"] = new JsonObject { ["Included"] = true };
            }
            else
            {
                entry["Error"] = Child.Error;
                entry["Cause"] = Child.Cause;
            }

            return entry;
        }
    }
}
