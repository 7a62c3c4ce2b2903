using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Clock;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Tasks;

/// <summary>
/// The local stand-in for the services a workflow calls. Lambda functions are bound by name to in-process handlers
/// and reached through a plain function ARN or <c>arn:aws:states:::lambda:invoke</c>; <c>sns:publish</c> appends to
/// <see cref="Outbox"/>, <c>states:startExecution</c> to <see cref="Starts"/> (the caller runs them). Any other resource
/// is unsupported.
/// </summary>
public sealed class TaskRegistry : ITaskInvoker
{
    private readonly Dictionary<string, Func<JsonNode?, TaskContext, Task<JsonNode?>>> functions = new(StringComparer.Ordinal);
    private readonly string? unboundFunctionHint;

    /// <param name="unboundFunctionHint">Added to the error when a task calls a function nothing is bound to.</param>
    public TaskRegistry(string? unboundFunctionHint = null)
    {
        this.unboundFunctionHint = unboundFunctionHint;
    }

    public SnsOutbox Outbox { get; } = new();

    public ExecutionStarts Starts { get; } = new();

    /// <summary>Binds a Lambda function name to a handler; an exception it throws fails the task with the exception's type name.</summary>
    public TaskRegistry RegisterFunction(string functionName, Func<JsonNode?, CancellationToken, Task<JsonNode?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RegisterFunction(functionName, (input, context) => handler(input, context.CancellationToken));
    }

    /// <summary>Binds a handler that also uses its <see cref="TaskContext"/> (the branch's virtual clock, the attempt).</summary>
    public TaskRegistry RegisterFunction(string functionName, Func<JsonNode?, TaskContext, Task<JsonNode?>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(handler);
        functions[functionName] = handler;
        return this;
    }

    public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var resource = invocation.Resource;
        return (resource.Kind, resource.ResourceType, resource.ResourceName) switch
        {
            (TaskResourceKind.LambdaFunction, _, var name) => await CallFunctionAsync(name, invocation.Parameters, invocation.Context).ConfigureAwait(false),
            (TaskResourceKind.ServiceIntegration, "lambda", "invoke") => await LambdaInvokeAsync(invocation).ConfigureAwait(false),
            (TaskResourceKind.ServiceIntegration, "sns", "publish") => Publish(invocation),
            (TaskResourceKind.ServiceIntegration, "states", "startExecution") => StartExecution(invocation),
            _ => throw new UnsupportedResourceException(
                $"the resource '{resource.Arn}' is not available locally (supported: Lambda functions bound to handlers, "
                + "arn:aws:states:::lambda:invoke, arn:aws:states:::sns:publish and arn:aws:states:::states:startExecution)"),
        };
    }

    private async Task<JsonNode?> LambdaInvokeAsync(TaskInvocation invocation)
    {
        var parameters = invocation.Parameters as JsonObject;
        var functionName = parameters?["FunctionName"] is { } node && node.GetValueKind() == JsonValueKind.String
            ? TaskResource.FunctionNameFrom(node.GetValue<string>())
            : null;
        if (functionName is null)
        {
            throw new TaskFailedException(ErrorNames.Runtime, "lambda:invoke needs a FunctionName parameter holding a function name or ARN.");
        }

        var payload = await CallFunctionAsync(functionName, parameters!["Payload"]?.DeepClone(), invocation.Context).ConfigureAwait(false);

        // The documented fields of Lambda's Invoke response as the lambda:invoke integration returns them.
        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = payload,
            ["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = NewId(invocation.Context.Random) },
            ["StatusCode"] = 200,
        };
    }

    private async Task<JsonNode?> CallFunctionAsync(string functionName, JsonNode? payload, TaskContext context)
    {
        if (!functions.TryGetValue(functionName, out var handler))
        {
            var hint = unboundFunctionHint is null ? string.Empty : $" {unboundFunctionHint}";
            throw new UnsupportedResourceException($"no local handler is bound to the Lambda function '{functionName}'.{hint}");
        }

        try
        {
            return await handler(payload, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (TaskFailedException or DeadlineExceededException or UnsupportedResourceException)
            && !(ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
        {
            var errorType = ex.GetType().Name;
            throw new TaskFailedException(errorType, LambdaErrorCause(ex, errorType));
        }
    }

    /// <summary>The error document the functions' runtime posts (errorType, errorMessage), which Step Functions reports as the cause.</summary>
    private static string LambdaErrorCause(Exception ex, string errorType) =>
        JsonText.Write(new JsonObject { ["errorType"] = errorType, ["errorMessage"] = ex.Message });

    private JsonObject Publish(TaskInvocation invocation)
    {
        var parameters = invocation.Parameters as JsonObject;
        var topic = Text(parameters?["TopicArn"]) ?? Text(parameters?["TargetArn"])
            ?? throw new TaskFailedException("SNS.InvalidParameterException", "sns:publish needs a TopicArn or TargetArn parameter.");
        var message = parameters?["Message"] switch
        {
            null => throw new TaskFailedException("SNS.InvalidParameterException", "sns:publish needs a Message parameter."),
            var node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
            var node => JsonText.Write(node),
        };
        var messageId = NewId(invocation.Context.Random);
        Outbox.Add(new SnsMessage(messageId, topic, message, Text(parameters?["Subject"])));
        return new JsonObject { ["MessageId"] = messageId };
    }

    /// <summary>StartExecution's parameters; the response has the fields StartExecution documents (ExecutionArn, StartDate).</summary>
    private JsonObject StartExecution(TaskInvocation invocation)
    {
        var parameters = invocation.Parameters as JsonObject;
        var machine = Text(parameters?["StateMachineArn"])
            ?? throw new TaskFailedException("StepFunctions.InvalidArnException", "states:startExecution needs a StateMachineArn parameter.");
        var input = parameters?["Input"] switch
        {
            null => new JsonObject(),
            var node when node.GetValueKind() == JsonValueKind.String => JsonNode.Parse(node.GetValue<string>()),
            var node => node.DeepClone(),
        };
        var start = Starts.Add(new ExecutionStart(machine, Text(parameters?["Name"]) ?? NewId(invocation.Context.Random), input));
        return new JsonObject
        {
            ["ExecutionArn"] = start.ExecutionArn,
            ["StartDate"] = AslTimestamp.FormatMilliseconds(invocation.Context.Clock.UtcNow),
        };
    }

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static string NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
