using System.Text.Json.Nodes;

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
