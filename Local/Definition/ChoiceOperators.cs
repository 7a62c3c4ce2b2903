namespace Pipeline.Local.Definition;

/// <summary>The data-test operators of Choice rules, each also usable with a "Path" suffix where ASL allows it.</summary>
public static class ChoiceOperators
{
    private static readonly HashSet<string> Comparisons =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
    ];

    private static readonly HashSet<string> Tests =
        ["StringMatches", "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"];

    public static bool IsKnown(string name) =>
        Tests.Contains(name)
        || Comparisons.Contains(name)
        || (name.EndsWith("Path", StringComparison.Ordinal) && Comparisons.Contains(name[..^4]));
}
