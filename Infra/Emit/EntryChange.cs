namespace Pipeline.Infra.Emit;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>A program entry (resource, config key, variable or output) that differs between two programs.</summary>
public sealed record EntryChange(string Section, string Name, string? Type, ChangeKind Kind, IReadOnlyList<ValueChange> Values);
