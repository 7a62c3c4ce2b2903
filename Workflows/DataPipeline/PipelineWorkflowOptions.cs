namespace Pipeline.Workflows.DataPipeline;

/// <summary>Settings of the pipeline's workflow.</summary>
/// <param name="MaxConcurrency">How many chunks the Map transforms and stores at once (0: no limit).</param>
/// <param name="TaskTimeoutSeconds">How long one Lambda task may run; keep it above the functions' own timeout.</param>
/// <param name="ExecutionTimeoutSeconds">
/// The whole execution's limit; at most 300 for the Express machine. None by default: AWS stops an Express execution at
/// 5 minutes itself, while the Standard machine takes the large files and is bounded by its tasks' timeouts and retries,
/// so one definition serves both without capping the Standard runs at the Express limit.
/// </param>
/// <param name="ToleratedFailurePercentage">
/// Chunks (child executions of the Standard machine's distributed Map) that may fail before the Map Run stops; the run
/// still fails at the end, naming the chunks not stored, but the others are stored first (0: stop at the first).
/// </param>
/// <param name="ExpressMaxObjectBytes">
/// Objects of at least this size are handed over from the Express machine to the Standard one (the stack's
/// <c>expressMaxObjectBytes</c>).
/// </param>
public sealed record PipelineWorkflowOptions(
    int MaxConcurrency = 10,
    int TaskTimeoutSeconds = 120,
    int? ExecutionTimeoutSeconds = null,
    decimal ToleratedFailurePercentage = 0,
    long ExpressMaxObjectBytes = PipelineWorkflowOptions.DefaultExpressMaxObjectBytes)
{
    /// <summary>1 MiB: the dev stack's <c>expressMaxObjectBytes</c>.</summary>
    public const long DefaultExpressMaxObjectBytes = 1_048_576;
}
