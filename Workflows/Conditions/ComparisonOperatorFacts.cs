namespace Pipeline.Workflows;

internal static class ComparisonOperatorFacts
{
    /// <summary>The operand an operator takes, read off its ASL name (e.g. <c>NumericEqualsPath</c> takes a path).</summary>
    public static OperandKind OperandKindOf(ComparisonOperator op)
    {
        var name = op.ToString();
        if (name.EndsWith("Path", StringComparison.Ordinal))
            return OperandKind.Path;
        if (name.StartsWith("Is", StringComparison.Ordinal) || name.StartsWith("Boolean", StringComparison.Ordinal))
            return OperandKind.Boolean;
        if (name.StartsWith("Numeric", StringComparison.Ordinal))
            return OperandKind.Number;
        return name.StartsWith("Timestamp", StringComparison.Ordinal) ? OperandKind.Timestamp : OperandKind.Text;
    }
}
