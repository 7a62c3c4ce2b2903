using Pipeline.Workflows.Model;

namespace Pipeline.Local.Runner;

/// <summary>One file to run through the pipeline.</summary>
/// <param name="FilePath">The local file to upload.</param>
/// <param name="Variant">The state machine to start; the Express one, as the upload rule starts it, when absent.</param>
/// <param name="ExecutionName">A fresh GUID when absent.</param>
/// <param name="Key">The object key; <c>incoming/&lt;file name&gt;</c> when absent.</param>
/// <param name="StartTime">Where the virtual clock starts; now when absent.</param>
/// <param name="Seed">Seeds jitter and generated ids; random when absent.</param>
public sealed record RunRequest(
    string FilePath,
    WorkflowVariant? Variant = null,
    string? ExecutionName = null,
    string? Key = null,
    DateTimeOffset? StartTime = null,
    int? Seed = null);
