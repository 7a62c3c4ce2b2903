namespace Pipeline.Workflows.Jsonata;

/// <summary>
/// Bounds on one evaluation: how deeply expressions may nest at run time and how long it may take. Exceeding either
/// raises U1001, as the reference implementation's timeboxed evaluation does.
/// </summary>
public sealed record JsonataLimits(int? MaxDepth = null, TimeSpan? TimeLimit = null);
