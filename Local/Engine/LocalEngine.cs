using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
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

    /// <summary>
    /// Redrives a failed, timed-out Standard execution of <paramref name="machine"/> as RedriveExecution does: under its
    /// name, from the state it failed in, re-running only the Map iterations, Parallel branches and distributed Map
    /// children that did not succeed. <paramref name="options"/> give the redrive's start time and seed.
    /// </summary>
    /// <exception cref="ExecutionNotRedrivableException">The execution succeeded, is Express, or reached its history quota.</exception>
    public Task<ExecutionResult> RedriveAsync(StateMachine machine, ExecutionResult earlier, ExecutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(earlier);
        var reason = earlier switch
        {
            { Type: WorkflowVariant.Express } => "RedriveExecution is not supported by EXPRESS state machines (only the Express children of a Map Run are redriven, with it)",
            { Status: ExecutionStatus.Succeeded } => "Execution is SUCCEEDED and cannot be redriven",
            { History.Count: >= ExecutionQuotas.HistoryEvents } => "Execution history event limit exceeded",
            { RedrivePoint: null } => "the execution did not fail in a state it can continue from",
            _ => null,
        };
        if (reason is not null)
        {
            throw new ExecutionNotRedrivableException(earlier.Name, reason);
        }

        var redrive = (options ?? new ExecutionOptions()) with { Name = earlier.Name, Type = earlier.Type };
        return new ExecutionRun(machine, invoker, redrive, objects, earlier).RedriveAsync(earlier, cancellationToken);
    }
}
