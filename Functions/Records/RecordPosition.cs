namespace Pipeline.Functions.Records;

/// <summary>Where a record sits in its source file: 0-based index and 1-based line.</summary>
public readonly record struct RecordPosition(long Index, long Line)
{
    public override string ToString() => $"record {Index + 1} (line {Line})";
}
