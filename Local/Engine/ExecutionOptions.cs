using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
namespace Pipeline.Local.Engine;

/// <summary>How to start one execution (the local counterpart of StartExecution's arguments and the machine's type).</summary>
public sealed record ExecutionOptions
{
    /// <summary>The execution name; a UUID from the seeded random source when absent.</summary>
    public string? Name { get; init; }

    public WorkflowVariant Type { get; init; } = WorkflowVariant.Standard;

    /// <summary>Where virtual time starts; the real current time when absent.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Seeds jitter, States.UUID, States.MathRandom and generated ids; random when absent.</summary>
    public int? Seed { get; init; }

    public string StateMachineName { get; init; } = "LocalStateMachine";

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>
    /// Whether the result holds the history; by default a Standard execution's does and an Express execution's does not,
    /// as on AWS (GetExecutionHistory does not serve Express executions), so an Express execution's memory does not grow
    /// with its transitions. Events still reach <see cref="OnEvent"/> and count towards the quotas.
    /// </summary>
    public bool? KeepHistory { get; init; }

    /// <summary>Called with each history event as it is recorded, in id order (calls never overlap); for progress output.</summary>
    public Action<History.HistoryEvent>? OnEvent { get; init; }
}
