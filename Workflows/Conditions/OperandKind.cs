namespace Pipeline.Workflows;

/// <summary>What a comparison operator compares with.</summary>
internal enum OperandKind
{
    Text,
    Number,
    Boolean,
    Timestamp,
    Path,
}
