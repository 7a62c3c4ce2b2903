using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.History;
using Pipeline.Local.Paths;
using Pipeline.Workflows.Paths;

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
        state = WithEvaluatedNumbers(state, input, context, path);
        var effective = ApplyInputPath(state, input, context, path);
        state = WithNumbersAtPaths(state, path.Scope(effective, context));
        var items = state.ItemReader is { } reader
            ? await ReadItemsAsync(state, reader, effective, context, path).ConfigureAwait(false)
            : [.. MapItems(state, input, effective, context, path).Select(item => item?.DeepClone())];
        var selected = items.Select((item, index) => SelectItem(state, input, effective, index, item, enteredTime, retryCount, path)).ToList();
        var inputs = state.ItemBatcher is { } batcher ? Batches(state, batcher, selected, effective, context, path) : selected;

        // A redrive continues the failed Map Run under its ARN and runs only the children that did not succeed.
        var label = state.Label ?? state.Name;
        var childMachineArn = $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{options.StateMachineName}/{label}";
        var redriven = TakeResume(state, path);
        var mapRunArn = redriven?.MapRunArn
            ?? $"arn:aws:states:{options.Region}:{options.AccountId}:mapRun:{options.StateMachineName}/{label}:{NewName(path.Random.Next())}";
        var mapRunId = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        history.Add(path, redriven?.MapRunArn is null ? HistoryEventType.MapRunStarted : HistoryEventType.MapRunRedriven, redriven?.MapRunArn is null
            ? new JsonObject { ["mapRunArn"] = mapRunArn }
            : new JsonObject { ["mapRunArn"] = mapRunArn, ["redriveCount"] = redriveCount });

        var childMachine = machine with { Graph = state.Processor, TimeoutSeconds = null };
        var entries = new JsonObject?[inputs.Count];
        foreach (var (index, entry) in redriven?.Completed ?? RedrivePoint.NothingCompleted)
        {
            entries[index] = entry?.DeepClone().AsObject();
        }

        var pending = Enumerable.Range(0, inputs.Count).Where(index => entries[index] is null).ToList();
        var failed = 0;
        try
        {
            var concurrency = MaxConcurrency(state, path.Scope(effective, context), DistributedMapConcurrency);
            await FanOutAsync(path, pending.Count, concurrency, async (slot, branch) =>
            {
                var index = pending[slot];
                var childOptions = options with
                {
                    Name = NewName(unchecked(branch.Seed + redriveCount)),
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
                entries[index] = ResultEntry(child, inputs[index], childMachineArn);
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
            RememberCompleted(
                state,
                path,
                entries.Select((entry, index) => KeyValuePair.Create(index, (JsonNode?)entry)).Where(pair => Succeeded(pair.Value)),
                mapRunArn);
            throw;
        }

        history.Add(path, HistoryEventType.MapRunSucceeded, new JsonObject { ["mapRunArn"] = mapRunArn });
        var output = state.ResultWriter is { } writer
            ? await WriteResultsAsync(state, writer, mapRunArn, mapRunId, entries!, effective, context, path).ConfigureAwait(false)
            : new JsonArray([.. entries.Select(entry => Succeeded(entry)
                ? JsonNode.Parse(entry!["Output"]!.GetValue<string>())
                : new JsonObject { ["Error"] = entry?["Error"]?.DeepClone(), ["Cause"] = entry?["Cause"]?.DeepClone() })]);
        return Finish(state, input, output, context, path);
    }

    /// <summary>
    /// JSONPath: the tolerances and MaxItems given by reference paths, read from the effective input, the context object
    /// or a variable. A number or a string holding one is taken: LocalStack's AWS snapshot of
    /// MAP_STATE_REFERENCE_IN_TOLERATED_FAILURE_PATH runs with both tolerances read from variables holding "1".
    /// </summary>
    private static MapState WithNumbersAtPaths(MapState state, PathScope scope)
    {
        double? Read(string? referencePath, double highest)
        {
            if (referencePath is null)
            {
                return null;
            }

            var value = Select(referencePath, scope);
            var number = JsonNumber.TryGet(value, out var n) ? n
                : value is JsonValue text && text.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : double.NaN;
            return number >= 0 && number <= highest
                ? number
                : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': '{referencePath}' must reference a number from 0 to {highest}.");
        }

        return state with
        {
            ToleratedFailureCount = Read(state.ToleratedFailureCountPath, int.MaxValue) is { } count ? (int)count : state.ToleratedFailureCount,
            ToleratedFailurePercentage = Read(state.ToleratedFailurePercentagePath, 100) ?? state.ToleratedFailurePercentage,
            ItemReader = state.ItemReader is { } reader && Read(reader.MaxItemsPath, int.MaxValue) is { } maxItems ? reader with { MaxItems = (int)maxItems } : state.ItemReader,
        };
    }

    /// <summary>An ItemReader's or ResultWriter's Parameters, or BatchInput; in JSONata, Arguments or BatchInput over <c>$states</c>.</summary>
    private static JsonNode? MapTemplate(MapState state, JsonNode? template, JsonNode? effective, JsonNode context, ExecutionPath path) =>
        state.Jsonata
            ? JsonataTemplate.Evaluate(template, Bindings(path, effective, context))
            : PayloadTemplate.Evaluate(template, path.Scope(effective, context), path.Intrinsics);

    private static bool Succeeded(JsonNode? entry) => entry?["Status"]?.GetValue<string>() == ExecutionStatus.Succeeded.ApiName();

    private async Task<List<JsonNode?>> ReadItemsAsync(MapState state, ItemReaderConfig reader, JsonNode? effective, JsonNode context, ExecutionPath path)
    {
        var (bucket, key) = Location(state, MapTemplate(state, reader.Parameters, effective, context, path), "Key", "ItemReader");
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

        if (reader.InputType != ItemReading.ManifestType)
        {
            return ItemReading.Read(reader, content, $"s3://{bucket}/{key}");
        }

        // An S3 Inventory: the manifest names CSV files (gzip) in the same bucket, each row an object described by fileSchema.
        var (schema, files) = ItemReading.Manifest(content, $"s3://{bucket}/{key}");
        var items = new List<JsonNode?>();
        foreach (var file in files)
        {
            byte[] inventory;
            try
            {
                inventory = await store.GetAsync(bucket, file, path.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new StatesErrorException(ErrorNames.ItemReaderFailed, $"The ItemReader could not read the inventory file s3://{bucket}/{file}: {ex.Message}");
            }

            items.AddRange(ItemReading.InventoryRows(inventory, schema, $"s3://{bucket}/{file}"));
        }

        return reader.MaxItems > 0 ? items.Take(reader.MaxItems).ToList() : items;
    }

    /// <summary>Groups items into <c>{"Items": [...]}</c> inputs, closing a batch at the item count or before the byte bound.</summary>
    private static List<JsonNode?> Batches(MapState state, ItemBatcherConfig batcher, List<JsonNode?> items, JsonNode? effective, JsonNode context, ExecutionPath path)
    {
        var batchInput = batcher.BatchInput is null ? null : MapTemplate(state, batcher.BatchInput, effective, context, path);
        var batches = new List<JsonNode?>();
        var current = new JsonArray();
        var bytes = 0;
        foreach (var item in items)
        {
            var size = PayloadSize.Utf8Bytes(item);
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
        MapState state, ResultWriterConfig writer, string mapRunArn, string mapRunId, JsonObject[] entries, JsonNode? effective, JsonNode context, ExecutionPath path)
    {
        var (bucket, prefix) = Location(state, MapTemplate(state, writer.Parameters, effective, context, path), "Prefix", "ResultWriter");
        var store = objects ?? throw new StatesErrorException(ErrorNames.ResultWriterFailed, $"State '{state.Name}': no object store is bound to the local engine to write to s3://{bucket}/{prefix}.");
        var folder = prefix.Length == 0 ? $"{mapRunId}/" : $"{prefix.TrimEnd('/')}/{mapRunId}/";
        var files = new JsonObject { ["FAILED"] = new JsonArray(), ["PENDING"] = new JsonArray(), ["SUCCEEDED"] = new JsonArray() };
        try
        {
            foreach (var group in entries.GroupBy(entry => Succeeded(entry) ? "SUCCEEDED" : "FAILED"))
            {
                var key = $"{folder}{group.Key}_0.json";
                var content = Encoding.UTF8.GetBytes(Json(new JsonArray([.. group.Select(entry => entry.DeepClone())])));
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
    private static JsonObject ResultEntry(ExecutionResult child, JsonNode? input, string stateMachineArn)
    {
        var entry = new JsonObject
        {
            ["ExecutionArn"] = child.ExecutionArn,
            ["Input"] = Json(input),
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = child.Name,
            ["StartDate"] = AslTimestamp.FormatMilliseconds(child.StartTime),
            ["StateMachineArn"] = stateMachineArn,
            ["Status"] = child.Status.ApiName(),
            ["StopDate"] = AslTimestamp.FormatMilliseconds(child.StopTime),
        };
        if (child.Status == ExecutionStatus.Succeeded)
        {
            entry["Output"] = Json(child.Output);
            entry["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        else
        {
            entry["Error"] = child.Error;
            entry["Cause"] = child.Cause;
        }

        return entry;
    }
}
