using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon.S3.Model;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Storage;
using Pipeline.Local.Cost;
using Pipeline.Local.Engine;
using Pipeline.Local.History;
using Pipeline.Local.Tasks;
using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Resources;

namespace Pipeline.Local.Runner;

/// <summary>
/// Runs a file through the pipeline locally: uploads it under <c>incoming/</c>, starts the Express machine as the upload
/// rule does (or the machine asked for), and executes the rendered definition on the engine with the real handlers
/// against the local servers; an execution the workflow starts (a large object handed over to the Standard machine)
/// runs next. Progress lines (states entered and exited, chunks stored) go to the given callback as they happen.
/// </summary>
public sealed class PipelineRunner
{
    private readonly LocalStack stack;
    private readonly Func<string, FunctionCall, FunctionCall>? wrap;
    private readonly IReadOnlyDictionary<string, FunctionCall>? functions;

    /// <param name="wrap">Lets tests replace or observe a function call (given its logical id and the real call).</param>
    /// <param name="functions">The functions to call, by logical id; the handlers in process when absent (see <see cref="PackagedPipelineFunctions"/>).</param>
    public PipelineRunner(LocalStack stack, Func<string, FunctionCall, FunctionCall>? wrap = null, IReadOnlyDictionary<string, FunctionCall>? functions = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        this.stack = stack;
        this.wrap = wrap;
        this.functions = functions;
    }

    public async Task<RunOutcome> RunAsync(RunRequest request, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var file = new FileInfo(request.FilePath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"no file {file.FullName}", file.FullName);
        }

        var key = request.Key ?? StorageLayout.IncomingPrefix + file.Name;
        var put = await stack.Aws.S3.PutObjectAsync(
            new PutObjectRequest { BucketName = stack.BucketName, Key = key, FilePath = file.FullName, UseChunkEncoding = false },
            cancellationToken).ConfigureAwait(false);
        var etag = StorageLayout.NormalizeEtag(put.ETag ?? string.Empty);
        var variant = request.Variant ?? WorkflowVariant.Express;
        var name = request.ExecutionName ?? Guid.NewGuid().ToString();
        var startTime = request.StartTime ?? DateTimeOffset.UtcNow;

        // The event carries the key URL-encoded, as S3 notifications spell keys.
        var input = ObjectCreatedEvent.Create(stack.BucketName, EventObjectKey.Encode(key), file.Length, etag, startTime, Guid.NewGuid().ToString());
        progress?.Invoke($"uploaded s3://{stack.BucketName}/{key} ({file.Length} bytes); running the {variant} state machine, execution {name}");
        return await ExecuteAsync(new Execution(key, file.Length, input, variant, name, startTime, request.Seed), clock, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Redrives execution <paramref name="executionName"/>, kept in <c>.local/failed/</c>, against the object already in
    /// the bucket (which needs the servers of <c>serve</c>). A failed Standard execution continues from the state it failed
    /// in, as RedriveExecution does: a distributed Map runs only the chunks that failed. Step Functions cannot redrive an
    /// Express execution, nor one that never ended (an interrupted run): those run their input again under the same name,
    /// as a redelivered event would. Either way, chunks already stored are not written twice.
    /// </summary>
    public async Task<RunOutcome> RedriveAsync(string executionName, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var root = stack.Aws.RepositoryRoot;
        var inputPath = FailedExecutions.InputPath(root, executionName);
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException(
                $"no failed execution {executionName} is kept in {FailedExecutions.Folder(root)}; kept: {string.Join(", ", FailedExecutions.Names(root))}", inputPath);
        }

        var input = JsonNode.Parse(await File.ReadAllTextAsync(inputPath, cancellationToken).ConfigureAwait(false))!.AsObject();
        var detail = input["detail"]!["object"]!;
        var key = EventObjectKey.Candidates(detail["key"]!.GetValue<string>())[^1];
        var size = detail["size"]!.GetValue<long>();
        var earlier = await FailedExecutions.LoadAsync(root, executionName, cancellationToken).ConfigureAwait(false);
        var variant = earlier?.Type ?? (size >= stack.Workflow.ExpressMaxObjectBytes ? WorkflowVariant.Standard : WorkflowVariant.Express);
        progress?.Invoke(earlier?.RedrivePoint is { } point
            ? $"redriving execution {executionName} of s3://{stack.BucketName}/{key} on the {variant} state machine from {point.StateName}"
            : $"running the input of execution {executionName} of s3://{stack.BucketName}/{key} again on the {variant} state machine (only a failed Standard execution can be redriven)");
        return await ExecuteAsync(new Execution(key, size, input, variant, executionName, DateTimeOffset.UtcNow, null) { Earlier = earlier }, clock, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunOutcome> ExecuteAsync(Execution execution, Stopwatch clock, Action<string>? progress, CancellationToken cancellationToken)
    {
        var (key, size, input, variant, name, startTime, seed) = execution;
        var machine = stack.Definition(variant);
        var observer = new RunObserver(progress);
        var registry = PipelineFunctions.Bind(
            new TaskRegistry(),
            functions ?? PipelineFunctions.Create(stack.CreateFunctionHost()),
            stack.Resolver,
            (id, call) => observer.Observe(id, wrap is null ? call : wrap(id, call)));
        var topLevel = machine.Graph.States.Keys.Concat(machine.Graph.States.Values.OfType<Definition.ParallelState>().SelectMany(p => p.Branches).SelectMany(b => b.States.Keys)).ToHashSet();
        // A local run reports its history (states, retries) whatever the machine: keep it for Express executions too.
        var options = new ExecutionOptions
        {
            KeepHistory = true,
            Name = name,
            Type = variant,
            StartTime = startTime,
            Seed = seed,
            StateMachineName = stack.MachineName(variant),
            OnEvent = progress is null ? null : e => ReportState(e, topLevel, progress),
        };
        ExecutionResult result;
        try
        {
            var engine = new LocalEngine(registry, new S3ObjectStore(stack.Aws.S3));
            result = execution.Earlier is { } earlier
                ? await engine.RedriveAsync(machine, earlier, options, cancellationToken).ConfigureAwait(false)
                : await engine.ExecuteAsync(machine, input, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var kept = await FailedExecutions.SaveAsync(stack.Aws.RepositoryRoot, name, input, execution.Earlier, CancellationToken.None).ConfigureAwait(false);
            throw new RunInterruptedException(key, observer.Stored, observer.ChunksStored, kept);
        }

        string? saved = null;
        if (result.Status == ExecutionStatus.Succeeded)
        {
            FailedExecutions.Forget(stack.Aws.RepositoryRoot, name);
        }
        else
        {
            saved = await FailedExecutions.SaveAsync(stack.Aws.RepositoryRoot, name, input, result, cancellationToken).ConfigureAwait(false);
        }

        if (result.Status == ExecutionStatus.Succeeded && registry.Starts.All is [var start])
        {
            var started = stack.MachineOf(start.StateMachineArn);
            progress?.Invoke($"the {variant} state machine handed the object over to the {started} one, execution {start.Name}");
            var next = start.Input as JsonObject ?? throw new InvalidOperationException($"execution {start.Name} was started with an input that is not an object");
            return await ExecuteAsync(execution with { Input = next, Variant = started, Name = start.Name, Earlier = null }, clock, progress, cancellationToken).ConfigureAwait(false);
        }

        var quarantineKey = observer.QuarantineKey;
        var quarantineCopy = quarantineKey is null ? null : await CopyOutAsync(quarantineKey, cancellationToken).ConfigureAwait(false);
        return new RunOutcome
        {
            Execution = result,
            Variant = variant,
            Bucket = stack.BucketName,
            Key = key,
            ObjectSize = size,
            RecordsIn = observer.RecordsIn,
            Valid = observer.Valid,
            Invalid = observer.Invalid,
            Stored = observer.Stored,
            Rejected = observer.Rejected,
            RejectedKeys = observer.RejectedKeys,
            Chunks = observer.ChunksStored,
            QuarantineKey = quarantineKey,
            QuarantineCopy = quarantineCopy,
            FailedState = result.Status == ExecutionStatus.Succeeded ? null : observer.FailedState,
            SavedInputPath = saved,
            Notifications = [.. registry.Outbox.Messages, .. RunEndedNotifications(result)],
            Cost = CostEstimator.Estimate(result),
            WallTime = clock.Elapsed,
        };
    }

    /// <summary>
    /// What the run-ended rule publishes when a Standard execution ends without success: Step Functions' status change
    /// event, matched on the statuses of <see cref="RunEndedNotification"/>, rendered with its template.
    /// </summary>
    private IEnumerable<SnsMessage> RunEndedNotifications(ExecutionResult result)
    {
        var status = result.Status.ApiName();
        if (result.Type == WorkflowVariant.Standard && RunEndedNotification.Statuses.Contains(status))
        {
            yield return new SnsMessage(
                Guid.NewGuid().ToString(),
                stack.Resolver.Resolve(ResourceRef.Topic(PipelineWorkflow.NotificationTopicId)),
                RunEndedNotification.Render(result.Name, status, result.ExecutionArn),
                null);
        }
    }

    /// <summary>The S3 server's data lives only while it runs: keep a copy of an object under <c>.local/</c>.</summary>
    private async Task<string> CopyOutAsync(string key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(stack.Aws.RepositoryRoot, ".local", key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written beside the copy and moved over it: two runs of the same file never leave a mix of both.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        using (var response = await stack.Aws.S3.GetObjectAsync(stack.BucketName, key, cancellationToken).ConfigureAwait(false))
        {
            await using var file = File.Create(partial);
            await response.ResponseStream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static void ReportState(HistoryEvent e, HashSet<string> shown, Action<string> progress)
    {
        var type = e.Type.ToString();
        var verb = type.EndsWith("StateEntered", StringComparison.Ordinal) ? "entered"
            : type.EndsWith("StateExited", StringComparison.Ordinal) ? "exited"
            : null;
        if (verb is not null && e.Details["name"]?.GetValue<string>() is { } state && shown.Contains(state))
        {
            progress($"{state} {verb}");
        }
        else if (e.Type is HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTimedOut)
        {
            progress($"execution {(e.Type == HistoryEventType.ExecutionFailed ? "failed" : "timed out")}: {e.Details["error"]}");
        }
    }

    /// <summary>Watches the function calls of one run: counts, chunk progress and the state of the last failure.</summary>
    private sealed class RunObserver(Action<string>? progress)
    {
        private readonly ConcurrentDictionary<string, long> transformed = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> rejectedKeys = new();
        private long stored;
        private long rejected;
        private int chunksStored;
        private int chunkCount;

        public long? RecordsIn { get; private set; }

        public long? Valid { get; private set; }

        public long? Invalid { get; private set; }

        public string? QuarantineKey { get; private set; }

        public string? FailedState { get; private set; }

        public long Stored => Interlocked.Read(ref stored);

        public long Rejected => Interlocked.Read(ref rejected);

        public IReadOnlyList<string> RejectedKeys => [.. rejectedKeys.Order(StringComparer.Ordinal)];

        public int ChunksStored => Volatile.Read(ref chunksStored);

        public FunctionCall Observe(string functionId, FunctionCall call) => async (payload, context) =>
        {
            JsonNode? result;
            try
            {
                result = await call(payload, context).ConfigureAwait(false);
            }
            catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
            {
                FailedState = context.StateName;
                throw;
            }

            Record(functionId, payload, result);
            return result;
        };

        /// <summary>Reads a call through the function's own request and result types (its catalog entry's).</summary>
        private void Record(string functionId, JsonNode? payload, JsonNode? result)
        {
            var contracts = PayloadJsonContext.Default;
            switch (functionId)
            {
                case FunctionIds.LoadBatch:
                    RecordsIn = Read(result, contracts.LoadBatchResult).RecordCount;
                    break;
                case FunctionIds.Validate:
                    var validation = Read(result, contracts.ValidateResult);
                    (Valid, Invalid, chunkCount) = (validation.ValidCount, validation.InvalidCount, validation.ValidChunkCount);
                    break;
                case FunctionIds.Transform:
                    var transform = Read(result, contracts.TransformResult);
                    transformed[StorageLayout.ChunkIdOf(transform.TransformedKey)] = transform.Count;
                    break;
                case FunctionIds.Store:
                    var request = Read(payload, contracts.StoreRequest);
                    var chunkId = StorageLayout.ChunkIdOf(request.TransformedKey);
                    var store = Read(result, contracts.StoreResult);
                    Interlocked.Add(ref stored, store.Stored);
                    Interlocked.Add(ref rejected, store.Rejected);
                    if (store.Rejected > 0)
                    {
                        rejectedKeys.Enqueue(StorageLayout.RejectedKey(request.Source, chunkId));
                    }

                    var done = Interlocked.Increment(ref chunksStored);
                    var detail = store.Duplicate ? " (already stored: nothing written)"
                        : store.Rejected > 0 ? $", refused by the table {store.Rejected} (quarantined)"
                        : string.Empty;
                    progress?.Invoke($"chunk {done}/{chunkCount} [{chunkId}]: transformed {transformed.GetValueOrDefault(chunkId)}, stored {store.Stored}{detail}");
                    break;
                case FunctionIds.Quarantine:
                    QuarantineKey = Read(result, contracts.QuarantineResult).QuarantineKey;
                    break;
            }
        }

        private static T Read<T>(JsonNode? node, JsonTypeInfo<T> type) =>
            node.Deserialize(type) ?? throw new InvalidOperationException($"a function returned null instead of a {typeof(T).Name}");
    }

    /// <summary>One execution to run: the object, its event, the state machine and the execution's name and start; <see cref="Earlier"/> when it is a redrive.</summary>
    private sealed record Execution(string Key, long Size, JsonObject Input, WorkflowVariant Variant, string Name, DateTimeOffset StartTime, int? Seed)
    {
        public ExecutionResult? Earlier { get; init; }
    }
}
