namespace Pipeline.Infra.Synthesis;

/// <summary>What one handler touches: object prefixes in the ingest bucket and actions on the records table.</summary>
public sealed record FunctionAccess(
    IReadOnlyList<string> ReadPrefixes,
    IReadOnlyList<string> WritePrefixes,
    IReadOnlyList<string> TableActions)
{
    public bool Equals(FunctionAccess? other) =>
        other is not null
        && ReadPrefixes.SequenceEqual(other.ReadPrefixes)
        && WritePrefixes.SequenceEqual(other.WritePrefixes)
        && TableActions.SequenceEqual(other.TableActions);

    public override int GetHashCode() => HashCode.Combine(ReadPrefixes.Count, WritePrefixes.Count, TableActions.Count);
}
