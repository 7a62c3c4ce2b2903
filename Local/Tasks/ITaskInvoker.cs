using System.Text.Json.Nodes;
using Pipeline.Local.Clock;

namespace Pipeline.Local.Tasks;

/// <summary>
/// Runs the resource of a Task state. Returns the task's result; throws <see cref="TaskFailedException"/> for a
/// failure Retry and Catch can handle, or <see cref="UnsupportedResourceException"/> when nothing local serves the
/// resource (the execution then fails with States.Runtime naming the state).
/// </summary>
public interface ITaskInvoker
{
    Task<JsonNode?> InvokeAsync(TaskInvocation invocation);
}

/// <summary>One call of a Task state's resource with its effective parameters (after InputPath and Parameters).</summary>
public sealed record TaskInvocation(string StateName, TaskResource Resource, JsonNode? Parameters, TaskContext Context);

/// <summary>
/// What a bound handler may use besides its input: the virtual clock of its branch (delaying on it makes a handler
/// "slow" in virtual time, which is how tests reach TimeoutSeconds), the attempt number and cancellation.
/// </summary>
public sealed record TaskContext(string StateName, int RetryCount, IVirtualClock Clock, Random Random, CancellationToken CancellationToken);
