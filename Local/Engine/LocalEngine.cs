using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Engine;

/// <summary>
/// Runs rendered ASL (JSONPath query language) locally: every state type, Retry and Catch, Parallel and Map with
/// real concurrency, on a virtual clock; distributed Maps as child executions. Task states go to the
/// <see cref="ITaskInvoker"/>, a distributed Map's ItemReader and ResultWriter to the <see cref="IObjectStore"/>.
/// </summary>
public sealed class LocalEngine
{
    private readonly ITaskInvoker invoker;
    private readonly IObjectStore? objects;

    public LocalEngine(ITaskInvoker invoker, IObjectStore? objects = null)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        this.invoker = invoker;
        this.objects = objects;
    }

    /// <summary>Runs one execution to its end; failures and timeouts are reported in the result, not thrown.</summary>
    public Task<ExecutionResult> ExecuteAsync(StateMachine machine, JsonNode? input, ExecutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new ExecutionRun(machine, invoker, options ?? new ExecutionOptions(), objects).RunAsync(input, cancellationToken);
    }
}
