using Pipeline.Local.Cost;
using Pipeline.Local.Engine;
using Pipeline.Local.Tasks;
using Pipeline.Workflows.Model;

namespace Pipeline.Local.Runner;

/// <summary>What one run of a file did: the execution, the record counts, where things are, what it would cost.</summary>
public sealed record RunOutcome
{
    public required ExecutionResult Execution { get; init; }

    public required WorkflowVariant Variant { get; init; }

    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required long ObjectSize { get; init; }

    public long? RecordsIn { get; init; }

    public long? Valid { get; init; }

    public long? Invalid { get; init; }

    public required long Stored { get; init; }

    /// <summary>Records the table refused: quarantined by Store beside the quarantine file, not stored.</summary>
    public required long Rejected { get; init; }

    /// <summary>The keys of Store's files of refused records (local copies under <c>.local/</c> too).</summary>
    public IReadOnlyList<string> RejectedKeys { get; init; } = [];

    public required int Chunks { get; init; }

    public string? QuarantineKey { get; init; }

    /// <summary>A local copy of the quarantine file (the S3 server's data goes when it stops).</summary>
    public string? QuarantineCopy { get; init; }

    /// <summary>The state whose task failed last, when the execution failed.</summary>
    public string? FailedState { get; init; }

    /// <summary>The saved execution input (the S3 event) of a failed execution, for redrive.</summary>
    public string? SavedInputPath { get; init; }

    public required IReadOnlyList<SnsMessage> Notifications { get; init; }

    public required CostEstimate Cost { get; init; }

    public required TimeSpan WallTime { get; init; }

    public bool Succeeded => Execution.Status == ExecutionStatus.Succeeded;
}
