using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pipeline.Local.Clock;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.History;
using Pipeline.Local.Paths;
using Pipeline.Local.Tasks;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Engine;

/// <summary>One execution of a state machine: walks the states, records history and meters transitions.</summary>
internal sealed partial class ExecutionRun
{
    private const int ExpressMaxSeconds = ExecutionQuotas.ExpressSeconds;

    private readonly StateMachine machine;
    private readonly ITaskInvoker invoker;
    private readonly ExecutionOptions options;
    private readonly ExecutionHistory history;
    private readonly ConcurrentQueue<LambdaInvocation> lambdaInvocations = new();
    private readonly string executionArn;
    private readonly string executionName;
    private readonly int seed;
    private JsonNode? executionInput;
    private DateTimeOffset startTime;
    private int transitions;
    private long fanOutDataBytes;
    private readonly Lock largestPayloadGate = new();
    private int largestPayloadBytes;
    private string? largestPayloadState;
    private int mapIterationsRunning;
    private int peakMapConcurrency;
    private int redriveCount;
    private ExecutionPath? root;
    private RedrivePoint? resume;
    private RedrivePoint? completedWork;
    private RedrivePoint? failedAt;

    private readonly IObjectStore? objects;

    /// <param name="earlier">The failed execution this run redrives; null for a new execution.</param>
    public ExecutionRun(StateMachine machine, ITaskInvoker invoker, ExecutionOptions options, IObjectStore? objects, ExecutionResult? earlier = null)
    {
        this.machine = machine;
        this.invoker = invoker;
        this.options = options;
        this.objects = objects;
        history = new ExecutionHistory(
            options.OnEvent,
            options.Type == WorkflowVariant.Standard ? ExecutionQuotas.HistoryEvents : null,
            earlier?.History,
            options.KeepHistory ?? options.Type == WorkflowVariant.Standard);
        seed = options.Seed ?? Random.Shared.Next();
        executionName = options.Name ?? NewName(seed);
        executionArn = $"arn:aws:states:{options.Region}:{options.AccountId}:execution:{options.StateMachineName}:{executionName}";
    }

    private string StateMachineArn => $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{options.StateMachineName}";

    private string RoleArn => $"arn:aws:iam::{options.AccountId}:role/{options.StateMachineName}-role";

    public Task<ExecutionResult> RunAsync(JsonNode? input, CancellationToken cancellationToken)
    {
        executionInput = input?.DeepClone();
        startTime = options.StartTime ?? DateTimeOffset.UtcNow;
        var path = RootPath(startTime, 0, cancellationToken);
        history.Add(path, HistoryEventType.ExecutionStarted, new JsonObject
        {
            ["input"] = Json(input),
            ["inputDetails"] = new JsonObject { ["truncated"] = false },
            ["roleArn"] = RoleArn,
        });
        return FinishAsync(path, RunGraphAsync(machine.Graph, input?.DeepClone(), path));
    }

    /// <summary>
    /// Continues <paramref name="earlier"/> from the state it failed in, with that state's input, as RedriveExecution does:
    /// the history goes on, the execution timeout counts from now, and work of that state that succeeded is not run again.
    /// </summary>
    public Task<ExecutionResult> RedriveAsync(ExecutionResult earlier, CancellationToken cancellationToken)
    {
        var point = earlier.RedrivePoint ?? throw new ExecutionNotRedrivableException(earlier.Name, "it has no state to continue from");
        executionInput = earlier.Input?.DeepClone();
        startTime = earlier.StartTime;
        redriveCount = earlier.RedriveCount + 1;
        resume = point;
        var redrivenAt = options.StartTime is { } at && at > earlier.StopTime ? at : earlier.StopTime;
        var path = RootPath(redrivenAt, earlier.History.Count == 0 ? 0 : earlier.History[^1].Id, cancellationToken);
        history.Add(path, HistoryEventType.ExecutionRedriven, new JsonObject { ["redriveCount"] = redriveCount });
        return FinishAsync(path, RunGraphAsync(machine.Graph, point.Input?.DeepClone(), path, point.StateName));
    }

    private ExecutionPath RootPath(DateTimeOffset from, long lastEventId, CancellationToken cancellationToken)
    {
        var limit = options.Type == WorkflowVariant.Express
            ? Math.Min(machine.TimeoutSeconds ?? ExpressMaxSeconds, ExpressMaxSeconds)
            : machine.TimeoutSeconds ?? ExecutionQuotas.StandardSeconds;
        var timeline = new VirtualTimeline(from, [new Deadline(DeadlineKind.Execution, from.AddSeconds(limit), limit)]);
        root = new ExecutionPath(timeline, lastEventId, seed, cancellationToken);
        return root;
    }

    private async Task<ExecutionResult> FinishAsync(ExecutionPath path, Task<JsonNode?> run)
    {
        try
        {
            var output = await run.ConfigureAwait(false);
            history.Add(path, HistoryEventType.ExecutionSucceeded, new JsonObject
            {
                ["output"] = Json(output),
                ["outputDetails"] = new JsonObject { ["truncated"] = false },
            });
            return Result(ExecutionStatus.Succeeded, path, output, null, null);
        }
        catch (StatesErrorException ex)
        {
            history.Add(path, HistoryEventType.ExecutionFailed, ErrorDetails(ex.Error, ex.Cause));
            return Result(ExecutionStatus.Failed, path, null, ex.Error, ex.Cause) with { RedrivePoint = failedAt };
        }
        catch (HistoryLimitExceededException ex)
        {
            // The quota's documented outcome is a failed execution; AWS's error name for it is not documented.
            history.Add(path, HistoryEventType.ExecutionFailed, ErrorDetails(ErrorNames.Runtime, ex.Message));
            return Result(ExecutionStatus.Failed, path, null, ErrorNames.Runtime, ex.Message);
        }
        catch (DeadlineExceededException ex) when (ex.Deadline.Kind == DeadlineKind.Execution)
        {
            path.Timeline.JoinAt(ex.Deadline.At);
            var cause = options.Type == WorkflowVariant.Express && ex.Deadline.Seconds == ExpressMaxSeconds
                ? $"The execution exceeded the Express workflow limit of {ExpressMaxSeconds} seconds."
                : $"The execution exceeded its TimeoutSeconds of {ex.Deadline.Seconds} seconds.";
            history.Add(path, HistoryEventType.ExecutionTimedOut, ErrorDetails(ErrorNames.Timeout, cause));
            return Result(ExecutionStatus.TimedOut, path, null, ErrorNames.Timeout, cause) with { RedrivePoint = failedAt };
        }
    }

    private ExecutionResult Result(ExecutionStatus status, ExecutionPath path, JsonNode? output, string? error, string? cause) => new()
    {
        ExecutionArn = executionArn,
        Name = executionName,
        Type = options.Type,
        Status = status,
        Input = executionInput?.DeepClone(),
        Output = output,
        Error = error,
        Cause = cause,
        StartTime = startTime,
        StopTime = path.Timeline.UtcNow,
        History = history.Events,
        StateTransitions = transitions,
        LambdaInvocations = [.. lambdaInvocations],
        DefinitionBytes = machine.DefinitionBytes,
        FanOutDataBytes = Interlocked.Read(ref fanOutDataBytes),
        Children = [.. children],
        RedriveCount = redriveCount,
        Quotas = new QuotaUsage(options.Type, history.Count, largestPayloadBytes, largestPayloadState, path.Timeline.UtcNow - startTime, Volatile.Read(ref peakMapConcurrency)),
    };

    /// <summary>Runs a graph from its start, or from <paramref name="startAt"/> (a redrive); remembers where the execution's own graph failed.</summary>
    private async Task<JsonNode?> RunGraphAsync(StateGraph graph, JsonNode? input, ExecutionPath path, string? startAt = null)
    {
        var name = startAt ?? graph.StartAt;
        var data = input;
        while (true)
        {
            path.CancellationToken.ThrowIfCancellationRequested();
            string? next;
            JsonNode? output;
            try
            {
                (next, output) = await RunStateAsync(graph.States[name], data, path).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StatesErrorException or DeadlineExceededException && ReferenceEquals(path, root))
            {
                var done = completedWork?.StateName == name ? completedWork : null;
                failedAt = new RedrivePoint(name, data?.DeepClone(), done?.Completed ?? RedrivePoint.NothingCompleted, done?.MapRunArn);
                throw;
            }

            if (next is null)
            {
                return output;
            }

            (name, data) = (next, output);
        }
    }

    /// <summary>What a redrive hands the state it continues from: the work it need not run again (once, on the execution's own graph).</summary>
    private RedrivePoint? TakeResume(State state, ExecutionPath path)
    {
        if (resume is { } point && point.StateName == state.Name && ReferenceEquals(path, root))
        {
            resume = null;
            return point;
        }

        return null;
    }

    /// <summary>Keeps the work a fan-out state of the execution's own graph finished before it failed, for a redrive.</summary>
    private void RememberCompleted(State state, ExecutionPath path, IEnumerable<KeyValuePair<int, JsonNode?>> completed, string? mapRunArn = null)
    {
        if (ReferenceEquals(path, root))
        {
            completedWork = new RedrivePoint(state.Name, null, new Dictionary<int, JsonNode?>(completed), mapRunArn);
        }
    }

    private async Task<(string? Next, JsonNode? Output)> RunStateAsync(State state, JsonNode? input, ExecutionPath path)
    {
        Interlocked.Increment(ref transitions);
        var enteredTime = path.Timeline.UtcNow;
        history.Add(path, StateEvents.Entered(state.Type), () => new JsonObject
        {
            ["name"] = state.Name,
            ["input"] = Json(input),
            ["inputDetails"] = new JsonObject { ["truncated"] = false },
        });
        CheckPayloadSize(state, input, "input");
        var enteredEventId = path.LastEventId;

        var (next, output) = await AttributedAsync(state, enteredEventId, async () => state switch
        {
            PassState pass when pass.Jsonata => Exit(pass, JsonataOutput(pass, input, ContextObject(state, enteredTime, 0, null), path, null, hasResult: false)),
            ChoiceState choice when choice.Jsonata => RunJsonataChoice(choice, input, ContextObject(state, enteredTime, 0, null), path),
            WaitState wait when wait.Jsonata => Exit(wait, JsonataOutput(wait, RunWait(wait, input, ContextObject(state, enteredTime, 0, null), path), ContextObject(state, enteredTime, 0, null), path, null, hasResult: false)),
            SucceedState succeed when succeed.Jsonata => (null, ExitWith(succeed, JsonataOutput(succeed, input, ContextObject(state, enteredTime, 0, null), path, null, hasResult: false), path)),
            FailState fail when fail.Jsonata => throw JsonataFailure(fail, input, ContextObject(state, enteredTime, 0, null), path),
            PassState pass => Exit(pass, RunPass(pass, input, ContextObject(state, enteredTime, 0, null), path)),
            ChoiceState choice => RunChoice(choice, input, ContextObject(state, enteredTime, 0, null), path),
            WaitState wait => Exit(wait, RunWait(wait, input, ContextObject(state, enteredTime, 0, null), path)),
            SucceedState succeed => (null, ExitWith(succeed, Succeed(succeed, input, ContextObject(state, enteredTime, 0, null), path), path)),
            FailState fail => throw Failure(fail, input, ContextObject(state, enteredTime, 0, null), path),
            TaskState task => await RunWithRetryAsync(task, input, path, enteredTime, retry => AttributedAsync(task, enteredEventId, () => RunTaskAsync(task, input, path, enteredTime, retry))).ConfigureAwait(false),
            ParallelState parallel => await RunWithRetryAsync(parallel, input, path, enteredTime, retry => AttributedAsync(parallel, enteredEventId, () => RunParallelAsync(parallel, input, path, enteredTime, retry))).ConfigureAwait(false),
            MapState map => await RunWithRetryAsync(map, input, path, enteredTime, retry => AttributedAsync(map, enteredEventId, () => RunMapAsync(map, input, path, enteredTime, retry))).ConfigureAwait(false),
            _ => throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}' has an unsupported type."),
        }).ConfigureAwait(false);

        CheckPayloadSize(state, output, "output");
        return (next, output);

        (string?, JsonNode?) Exit(State s, JsonNode? value) => (s.End ? null : s.Next, ExitWith(s, value, path));
    }

    /// <summary>
    /// The errors the service raises while running a state (not a task's, not a Fail state's) carry the state and the id
    /// of the event that entered it, worded as Step Functions words them: "An error occurred while executing the state
    /// 'X' (entered at the event id #N). ...". An error from a nested state already names that state.
    /// </summary>
    private static async Task<T> AttributedAsync<T>(State state, long enteredEventId, Func<Task<T>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (StatesErrorException ex) when (ex.Error is ErrorNames.Runtime or ErrorNames.IntrinsicFailure or ErrorNames.QueryEvaluationError or ErrorNames.ItemReaderFailed or ErrorNames.ResultWriterFailed
            && ex.Cause?.StartsWith(ErrorAttribution.Prefix, StringComparison.Ordinal) != true)
        {
            throw new StatesErrorException(ex.Error, ErrorAttribution.Cause(state.Name, enteredEventId, ex.Cause));
        }
    }

    private JsonNode? ExitWith(State state, JsonNode? output, ExecutionPath path)
    {
        var assigned = path.Assigned;
        path.Assigned = null;
        history.Add(path, StateEvents.Exited(state.Type), () =>
        {
            var details = new JsonObject();
            if (assigned is not null)
            {
                details["assignedVariables"] = new JsonObject(assigned.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)Json(pair.Value))));
                details["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
            }

            details["name"] = state.Name;
            details["output"] = Json(output);
            details["outputDetails"] = new JsonObject { ["truncated"] = false };
            return details;
        });
        return output;
    }

    /// <summary>Runs a Task, Parallel or Map attempt under its Retry and Catch rules.</summary>
    private async Task<(string? Next, JsonNode? Output)> RunWithRetryAsync(
        RecoverableState state, JsonNode? input, ExecutionPath path, DateTimeOffset enteredTime, Func<int, Task<JsonNode?>> attempt)
    {
        var (retriers, catchers) = (state.Retry, state.Catch);
        var attemptsByRetrier = new int[retriers.Count];
        var retryCount = 0;
        while (true)
        {
            StatesErrorException failure;
            try
            {
                var output = await attempt(retryCount).ConfigureAwait(false);
                return (state.End ? null : state.Next, ExitWith(state, output, path));
            }
            catch (StatesErrorException ex)
            {
                failure = ex;
            }

            // The first retrier whose ErrorEquals matches decides; once its attempts are spent, Catch takes over.
            var index = retriers.ToList().FindIndex(r => ErrorMatcher.Matches(r.ErrorEquals, failure.Error));
            if (index >= 0 && attemptsByRetrier[index] < retriers[index].MaxAttempts)
            {
                var delay = RetryDelay.Compute(retriers[index], attemptsByRetrier[index], path.Random);
                attemptsByRetrier[index]++;
                retryCount++;
                await path.Timeline.Delay(delay, path.CancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref transitions);
                continue;
            }

            var catcher = catchers.FirstOrDefault(c => ErrorMatcher.Matches(c.ErrorEquals, failure.Error));
            if (catcher is null)
            {
                throw failure;
            }

            var errorOutput = new JsonObject { ["Error"] = failure.Error };
            if (failure.Cause is not null)
            {
                errorOutput["Cause"] = failure.Cause;
            }

            if (state.Jsonata)
            {
                var bindings = Bindings(path, input, ContextObject(state, enteredTime, retryCount, null), errorOutput: errorOutput);
                var output = catcher.Output is null ? errorOutput : JsonataTemplate.Evaluate(catcher.Output, bindings);
                AssignVariables(catcher.Assign, bindings, path);
                return (catcher.Next, ExitWith(state, output, path));
            }

            var assigned = EvaluateAssign(catcher.Assign, path.Scope(errorOutput, ContextObject(state, enteredTime, retryCount, null)), path);
            var caught = catcher.ResultPath is null ? input?.DeepClone() : ReferencePath.Parse(catcher.ResultPath).Apply(input, errorOutput);
            SetVariables(assigned, path);
            return (catcher.Next, ExitWith(state, caught, path));
        }
    }

    private static JsonNode? RunPass(PassState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        var effective = ApplyInputPath(state, input, context, path);
        var parameters = state.Parameters is null ? effective : PayloadTemplate.Evaluate(state.Parameters, path.Scope(effective, context), path.Intrinsics);
        var result = state.HasResult ? state.Result?.DeepClone() : parameters;
        var assigned = EvaluateAssign(state.Assign, path.Scope(result, context), path);
        var output = ApplyOutputPath(state, ApplyResultPath(state.ResultPath, input, result), context, path);
        SetVariables(assigned, path);
        return output;
    }

    private (string? Next, JsonNode? Output) RunChoice(ChoiceState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        var effective = ApplyInputPath(state, input, context, path);
        var rule = state.Choices.FirstOrDefault(c => ChoiceEvaluator.Evaluate(c.Condition, path.Scope(effective, context)));
        var next = rule?.Next
            ?? state.Default
            ?? throw new StatesErrorException(ErrorNames.NoChoiceMatched, $"No Matches! (state '{state.Name}' has no Default)");
        var assigned = EvaluateAssign(ChoiceAssign(state, rule), path.Scope(effective, context), path);
        var output = ApplyOutputPath(state, effective, context, path);
        SetVariables(assigned, path);
        return (next, ExitWith(state, output, path));
    }

    private static JsonNode? Succeed(SucceedState state, JsonNode? input, JsonNode context, ExecutionPath path) =>
        ApplyOutputPath(state, ApplyInputPath(state, input, context, path), context, path);

    private JsonNode? RunWait(WaitState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        var effective = ApplyInputPath(state, input, context, path);
        var now = path.Timeline.UtcNow;
        var until = state switch
        {
            { Seconds: { } seconds } => now.AddSeconds(seconds),
            { Timestamp: { } timestamp } => timestamp,
            { SecondsPath: { } secondsPath } => JsonNumber.WholeAtLeast(Select(secondsPath, path.Scope(effective, context)), 0) is { } s
                ? now.AddSeconds(s)
                : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': SecondsPath '{secondsPath}' must reference a non-negative integer."),
            { TimestampPath: { } timestampPath } => Select(timestampPath, path.Scope(effective, context)) is JsonValue t && t.TryGetValue<string>(out var text) && AslTimestamp.TryParse(text, out var at)
                ? at
                : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': TimestampPath '{timestampPath}' must reference an RFC 3339 timestamp."),
            { SecondsExpression: { } secondsExpression } => JsonNumber.WholeAtLeast(JsonataTemplate.Run(secondsExpression, Bindings(path, input, context)).Value, 0) is { } s
                ? now.AddSeconds(s)
                : throw new StatesErrorException(ErrorNames.QueryEvaluationError, $"State '{state.Name}': Seconds must evaluate to a non-negative integer."),
            { TimestampExpression: { } timestampExpression } => JsonataTemplate.Run(timestampExpression, Bindings(path, input, context)).Value is JsonValue t && t.TryGetValue<string>(out var text) && AslTimestamp.TryParse(text, out var at)
                ? at
                : throw new StatesErrorException(ErrorNames.QueryEvaluationError, $"State '{state.Name}': Timestamp must evaluate to an RFC 3339 timestamp."),
            _ => now,
        };
        path.CancellationToken.ThrowIfCancellationRequested();
        path.Timeline.AdvanceTo(until);

        // A JSONata Wait assigns its variables with its Output (JsonataOutput).
        var assigned = state.Jsonata ? null : EvaluateAssign(state.Assign, path.Scope(effective, context), path);
        var output = ApplyOutputPath(state, effective, context, path);
        SetVariables(assigned, path);
        return output;
    }

    /// <summary>ErrorPath and CausePath may name the input, the context object (<c>$$</c>) or call an intrinsic function.</summary>
    private static StatesErrorException Failure(FailState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        string? Lookup(string? literal, string? expression, string field) =>
            literal ?? (expression is null ? null
                : PayloadTemplate.Resolve(expression, path.Scope(input, context), path.Intrinsics) is JsonValue v && v.TryGetValue<string>(out var text) ? text
                : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': {field} '{expression}' must reference a string."));

        return new StatesErrorException(Lookup(state.Error, state.ErrorPath, "ErrorPath") ?? string.Empty, Lookup(state.Cause, state.CausePath, "CausePath"));
    }

    private static JsonNode? ApplyInputPath(State state, JsonNode? input, JsonNode context, ExecutionPath path) =>
        state.InputPath is null ? new JsonObject() : Select(state.InputPath, path.Scope(input, context));

    private static JsonNode? ApplyOutputPath(State state, JsonNode? output, JsonNode context, ExecutionPath path) =>
        state.OutputPath is null ? new JsonObject() : Select(state.OutputPath, path.Scope(output, context));

    /// <summary>A path over the data, the context object (<c>$$</c>) or a variable (<c>$name</c>).</summary>
    private static JsonNode? Select(string path, PathScope scope) => JsonPath.Parse(path).Evaluate(scope);

    private static JsonNode? ApplyResultPath(string? resultPath, JsonNode? input, JsonNode? result) =>
        resultPath is null ? input?.DeepClone() : ReferencePath.Parse(resultPath).Apply(input, result);

    private void CheckPayloadSize(State state, JsonNode? payload, string what)
    {
        var bytes = PayloadSize.Utf8Bytes(payload);
        lock (largestPayloadGate)
        {
            if (bytes > largestPayloadBytes)
            {
                (largestPayloadBytes, largestPayloadState) = (bytes, $"{state.Name} {what}");
            }
        }

        if (bytes > ExecutionQuotas.PayloadBytes)
        {
            throw new StatesErrorException(
                ErrorNames.DataLimitExceeded,
                $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit ({what}: {bytes} bytes, limit {ExecutionQuotas.PayloadBytes}).");
        }
    }

    /// <summary>The context object ($$) as a state sees it; <paramref name="mapItem"/> is set only inside a Map's ItemSelector.</summary>
    private JsonObject ContextObject(State state, DateTimeOffset enteredTime, int retryCount, JsonObject? mapItem)
    {
        if (state.Context == ContextUse.None)
        {
            return [];
        }

        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = executionArn,
                ["Input"] = state.Context == ContextUse.Full ? executionInput?.DeepClone() : null,
                ["Name"] = executionName,
                ["RoleArn"] = RoleArn,
                ["StartTime"] = AslTimestamp.FormatMilliseconds(startTime),
                ["RedriveCount"] = redriveCount,
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = AslTimestamp.FormatMilliseconds(enteredTime),
                ["Name"] = state.Name,
                ["RetryCount"] = retryCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = StateMachineArn,
                ["Name"] = options.StateMachineName,
            },
        };
        if (mapItem is not null)
        {
            context["Map"] = new JsonObject { ["Item"] = mapItem };
        }

        return context;
    }

    private static JsonObject ErrorDetails(string error, string? cause) => new() { ["error"] = error, ["cause"] = cause };

    private static string Json(JsonNode? node) => JsonText.Write(node);

    private static string NewName(int seed)
    {
        var bytes = new byte[16];
        new Random(seed).NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
