namespace Pipeline.Infra.Emit;

/// <summary>One value that differs: its path inside the entry, and the value on each side (null when absent).</summary>
public sealed record ValueChange(string Path, string? Before, string? After);
