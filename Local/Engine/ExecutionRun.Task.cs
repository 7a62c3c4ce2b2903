using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Local.Clock;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.History;
using Pipeline.Local.Paths;
using Pipeline.Local.Tasks;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Engine;

internal sealed partial class ExecutionRun
{
    private async Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? input, ExecutionPath path, DateTimeOffset enteredTime, int retryCount)
    {
        var context = ContextObject(state, enteredTime, retryCount, null);
        var effective = ApplyInputPath(state, input, context, path);
        var parameters = state.Jsonata ? JsonataArguments(state, input, context, path)
            : state.Parameters is null ? effective : PayloadTemplate.Evaluate(state.Parameters, path.Scope(effective, context), path.Intrinsics);
        var resource = TaskResource.Parse(state.Resource);
        var timeout = TimeoutSeconds(state, path.Scope(effective, context));

        // A plain function ARN is the legacy Lambda task, which AWS records as LambdaFunction* events.
        var legacyLambda = resource.Kind == TaskResourceKind.LambdaFunction;
        history.Add(path, legacyLambda ? HistoryEventType.LambdaFunctionScheduled : HistoryEventType.TaskScheduled, legacyLambda
            ? new JsonObject { ["resource"] = state.Resource, ["input"] = Json(parameters), ["timeoutInSeconds"] = timeout }
            : new JsonObject
            {
                ["resourceType"] = resource.ResourceType,
                ["resource"] = resource.ResourceName,
                ["region"] = options.Region,
                ["parameters"] = Json(parameters),
                ["timeoutInSeconds"] = timeout,
            });
        history.Add(path, legacyLambda ? HistoryEventType.LambdaFunctionStarted : HistoryEventType.TaskStarted, legacyLambda ? null : ResourceDetails(resource));

        var deadline = timeout is { } seconds ? new Deadline(DeadlineKind.Task, path.Timeline.UtcNow.AddSeconds(seconds), seconds) : null;
        if (deadline is not null)
        {
            path.Timeline.Push(deadline);
        }

        var virtualStart = path.Timeline.UtcNow;
        var watch = Stopwatch.StartNew();
        var invoked = true;
        JsonNode? result;
        try
        {
            var taskContext = new TaskContext(state.Name, retryCount, path.Timeline, path.Random, path.CancellationToken);
            result = await invoker.InvokeAsync(new TaskInvocation(state.Name, resource, parameters, taskContext)).ConfigureAwait(false);
        }
        catch (DeadlineExceededException ex) when (ReferenceEquals(ex.Deadline, deadline))
        {
            var cause = $"State '{state.Name}' did not finish within its TimeoutSeconds of {deadline!.Seconds} seconds.";
            history.Add(path, legacyLambda ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.TaskTimedOut, FailureDetails(resource, legacyLambda, ErrorNames.Timeout, cause));
            throw new StatesErrorException(ErrorNames.Timeout, cause);
        }
        catch (TaskFailedException ex)
        {
            history.Add(path, legacyLambda ? HistoryEventType.LambdaFunctionFailed : HistoryEventType.TaskFailed, FailureDetails(resource, legacyLambda, ex.Error, ex.Cause));
            throw new StatesErrorException(ex.Error, ex.Cause);
        }
        catch (UnsupportedResourceException ex)
        {
            invoked = false;
            throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': {ex.Message}");
        }
        catch (Exception ex) when (ex is not (DeadlineExceededException or OperationCanceledException or StatesErrorException))
        {
            var error = ex.GetType().Name;
            history.Add(path, legacyLambda ? HistoryEventType.LambdaFunctionFailed : HistoryEventType.TaskFailed, FailureDetails(resource, legacyLambda, error, ex.Message));
            throw new StatesErrorException(error, ex.Message);
        }
        finally
        {
            if (deadline is not null)
            {
                path.Timeline.Pop(deadline);
            }

            if (invoked && resource.InvokesLambda)
            {
                var functionName = legacyLambda ? resource.ResourceName : FunctionNameParameter(parameters);
                lambdaInvocations.Enqueue(new LambdaInvocation(functionName, watch.Elapsed + (path.Timeline.UtcNow - virtualStart)));
            }
        }

        var succeeded = legacyLambda ? new JsonObject() : ResourceDetails(resource);
        succeeded["output"] = Json(result);
        succeeded["outputDetails"] = new JsonObject { ["truncated"] = false };
        history.Add(path, legacyLambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded, succeeded);
        CheckPayloadSize(state, result, "task result");

        return Finish(state, input, result, context, path);
    }

    /// <summary>
    /// Assign and ResultSelector over the raw result, then ResultPath into the raw state input, then OutputPath, the
    /// variables set once the output is known; in JSONata, Output and Assign.
    /// </summary>
    private static JsonNode? Finish(RecoverableState state, JsonNode? input, JsonNode? result, JsonNode context, ExecutionPath path)
    {
        if (state.Jsonata)
        {
            return JsonataOutput(state, input, context, path, result, hasResult: true);
        }

        var assigned = EvaluateAssign(state.Assign, path.Scope(result, context), path);
        var selected = state.ResultSelector is null ? result : PayloadTemplate.Evaluate(state.ResultSelector, path.Scope(result, context), path.Intrinsics);
        var output = ApplyOutputPath(state, ApplyResultPath(state.ResultPath, input, selected), context, path);
        SetVariables(assigned, path);
        return output;
    }

    private static int? TimeoutSeconds(TaskState state, PathScope scope)
    {
        if (state.TimeoutSecondsPath is not { } timeoutPath)
        {
            return state.TimeoutSeconds;
        }

        return JsonNumber.WholeAtLeast(Select(timeoutPath, scope), 1) is { } seconds and <= int.MaxValue
            ? (int)seconds
            : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': TimeoutSecondsPath '{timeoutPath}' must reference a positive integer.");
    }

    private static string FunctionNameParameter(JsonNode? parameters) =>
        parameters is JsonObject obj && obj["FunctionName"] is JsonValue name && name.TryGetValue<string>(out var text)
            ? TaskResource.FunctionNameFrom(text) ?? text
            : "unknown";

    private static JsonObject ResourceDetails(TaskResource resource) =>
        new() { ["resourceType"] = resource.ResourceType, ["resource"] = resource.ResourceName };

    private static JsonObject FailureDetails(TaskResource resource, bool legacyLambda, string error, string? cause)
    {
        var details = legacyLambda ? new JsonObject() : ResourceDetails(resource);
        details["error"] = error;
        details["cause"] = cause;
        return details;
    }

    private void AddFanOutBytes(JsonNode? payload, int copies) =>
        Interlocked.Add(ref fanOutDataBytes, (long)PayloadSize.Utf8Bytes(payload) * copies);
}
