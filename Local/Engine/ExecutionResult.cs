using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Text.Json.Nodes;
using Pipeline.Local.History;

namespace Pipeline.Local.Engine;

/// <summary>The outcome of one execution: what DescribeExecution and GetExecutionHistory would report, plus metering.</summary>
public sealed record ExecutionResult
{
    public required string ExecutionArn { get; init; }

    public required string Name { get; init; }

    public required WorkflowVariant Type { get; init; }

    public required ExecutionStatus Status { get; init; }

    public JsonNode? Input { get; init; }

    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset StopTime { get; init; }

    public required IReadOnlyList<HistoryEvent> History { get; init; }

    /// <summary>State transitions as Standard workflows bill them: every state entered, plus every retry.</summary>
    public required int StateTransitions { get; init; }

    public required IReadOnlyList<LambdaInvocation> LambdaInvocations { get; init; }

    /// <summary>Size of the definition, part of an Express execution's billed memory.</summary>
    public required int DefinitionBytes { get; init; }

    /// <summary>Bytes of input handed to Map iterations and Parallel branches, the other part of Express memory.</summary>
    public required long FanOutDataBytes { get; init; }

    /// <summary>The child executions of its distributed Maps, in the order they ended.</summary>
    public IReadOnlyList<ChildExecution> Children { get; init; } = [];

    /// <summary>How close the execution came to each Step Functions quota.</summary>
    public required QuotaUsage Quotas { get; init; }

    /// <summary>How many times the execution was redriven (the context object's <c>$$.Execution.RedriveCount</c>).</summary>
    public int RedriveCount { get; init; }

    /// <summary>Where a redrive would continue; null when the execution succeeded or cannot be redriven.</summary>
    public RedrivePoint? RedrivePoint { get; init; }

    /// <summary>Virtual duration of the execution.</summary>
    public TimeSpan Duration => StopTime - StartTime;
}
