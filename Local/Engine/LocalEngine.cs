using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Engine;

/// <summary>
/// Runs rendered ASL (JSONPath query language) locally: every state type, Retry and Catch, Parallel and Map with
/// real concurrency, on a virtual clock. Task states go to the <see cref="ITaskInvoker"/>.
/// </summary>
public sealed class LocalEngine
{
    private readonly ITaskInvoker invoker;

    public LocalEngine(ITaskInvoker invoker)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        this.invoker = invoker;
    }

    /// <summary>Runs one execution to its end; failures and timeouts are reported in the result, not thrown.</summary>
    public Task<ExecutionResult> ExecuteAsync(StateMachine machine, JsonNode? input, ExecutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new ExecutionRun(machine, invoker, options ?? new ExecutionOptions()).RunAsync(input, cancellationToken);
    }
}
