namespace Pipeline.Workflows.Conditions;

/// <summary>
/// Every data-test operator of a JSONPath Choice rule. The <c>*Path</c> forms compare with the value at a
/// reference path instead of a literal; the <c>Is*</c> forms take a boolean.
/// </summary>
public enum ComparisonOperator
{
    StringEquals,
    StringEqualsPath,
    StringLessThan,
    StringLessThanPath,
    StringGreaterThan,
    StringGreaterThanPath,
    StringLessThanEquals,
    StringLessThanEqualsPath,
    StringGreaterThanEquals,
    StringGreaterThanEqualsPath,
    StringMatches,
    NumericEquals,
    NumericEqualsPath,
    NumericLessThan,
    NumericLessThanPath,
    NumericGreaterThan,
    NumericGreaterThanPath,
    NumericLessThanEquals,
    NumericLessThanEqualsPath,
    NumericGreaterThanEquals,
    NumericGreaterThanEqualsPath,
    BooleanEquals,
    BooleanEqualsPath,
    TimestampEquals,
    TimestampEqualsPath,
    TimestampLessThan,
    TimestampLessThanPath,
    TimestampGreaterThan,
    TimestampGreaterThanPath,
    TimestampLessThanEquals,
    TimestampLessThanEqualsPath,
    TimestampGreaterThanEquals,
    TimestampGreaterThanEqualsPath,
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

/// <summary>What a comparison operator compares with.</summary>
internal enum OperandKind
{
    Text,
    Number,
    Boolean,
    Timestamp,
    Path,
}

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
