using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
namespace Pipeline.Local.Engine;

/// <summary>
/// What is kept of one child execution of a distributed Map once it has ended: its name, how it ended, what it cost
/// and how close it came to its quotas. Its history is dropped, as an Express child's is on AWS, so memory stays
/// bounded by the Map's concurrency rather than by the number of children.
/// </summary>
public sealed record ChildExecution(string Name, WorkflowVariant Type, ExecutionStatus Status, int StateTransitions, TimeSpan Duration, QuotaUsage Quotas);
