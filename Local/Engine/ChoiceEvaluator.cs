using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.Paths;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Engine;

/// <summary>
/// Evaluates Choice rules. Comparisons of mismatched types are false rather than errors, as in Step Functions; a
/// Variable that matches nothing is a States.Runtime error except for IsPresent.
/// </summary>
internal static class ChoiceEvaluator
{
    private static readonly string[] Families = ["String", "Numeric", "Timestamp", "Boolean"];

    public static bool Evaluate(Condition rule, PathScope scope) => rule switch
    {
        AndCondition and => and.Conditions.All(r => Evaluate(r, scope)),
        OrCondition or => or.Conditions.Any(r => Evaluate(r, scope)),
        NotCondition not => !Evaluate(not.Condition, scope),
        ComparisonCondition comparison => Compare(comparison, scope),
        _ => throw new InvalidOperationException($"Unknown choice rule {rule.GetType().Name}."),
    };

    private static bool Compare(ComparisonCondition rule, PathScope scope)
    {
        var found = JsonPath.Parse(rule.Variable).TryEvaluate(scope, out var value);
        if (rule.Operator == "IsPresent")
        {
            return found == Flag(rule);
        }

        if (!found)
        {
            throw new StatesErrorException(ErrorNames.Runtime, $"Invalid path '{rule.Variable}': The choice state's condition path references an invalid value.");
        }

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (rule.Operator)
        {
            case "IsNull":
                return (kind == JsonValueKind.Null) == Flag(rule);
            case "IsNumeric":
                return (kind == JsonValueKind.Number) == Flag(rule);
            case "IsString":
                return (kind == JsonValueKind.String) == Flag(rule);
            case "IsBoolean":
                return (kind is JsonValueKind.True or JsonValueKind.False) == Flag(rule);
            case "IsTimestamp":
                return (kind == JsonValueKind.String && AslTimestamp.TryParse(value!.GetValue<string>(), out _)) == Flag(rule);
            case "StringMatches":
                return kind == JsonValueKind.String && WildcardPattern(rule.Operand?.GetValue<string>() ?? string.Empty).IsMatch(value!.GetValue<string>());
        }

        var isPath = rule.Operator.EndsWith("Path", StringComparison.Ordinal);
        var op = isPath ? rule.Operator[..^4] : rule.Operator;
        var operand = rule.Operand;
        if (isPath)
        {
            var path = rule.Operand?.GetValue<string>() ?? string.Empty;
            if (!JsonPath.Parse(path).TryEvaluate(scope, out operand))
            {
                throw new StatesErrorException(ErrorNames.Runtime, $"Invalid path '{path}': The choice state's condition path references an invalid value.");
            }
        }

        var family = Families.FirstOrDefault(f => op.StartsWith(f, StringComparison.Ordinal))
            ?? throw new StatesErrorException(ErrorNames.Runtime, $"Unknown choice operator '{rule.Operator}'.");
        var relation = op[family.Length..];
        int? order = family switch
        {
            "String" => Strings(value, operand) is var (a, b) ? string.CompareOrdinal(a, b) : null,
            "Numeric" => Numbers(value, operand) is var (x, y) ? x.CompareTo(y) : null,
            "Timestamp" => Timestamps(value, operand) is var (s, t) ? s.CompareTo(t) : null,
            _ => Booleans(value, operand) is var (p, q) ? (p == q ? 0 : 1) : null,
        };

        if (order is not { } o)
        {
            return false;
        }

        return relation switch
        {
            "Equals" => o == 0,
            "LessThan" => o < 0,
            "GreaterThan" => o > 0,
            "LessThanEquals" => o <= 0,
            "GreaterThanEquals" => o >= 0,
            _ => false,
        };
    }

    private static bool Flag(ComparisonCondition rule) => rule.Operand?.GetValueKind() == JsonValueKind.True;

    private static (string, string)? Strings(JsonNode? a, JsonNode? b) =>
        a?.GetValueKind() == JsonValueKind.String && b?.GetValueKind() == JsonValueKind.String ? (a.GetValue<string>(), b.GetValue<string>()) : null;

    private static (double, double)? Numbers(JsonNode? a, JsonNode? b) =>
        JsonNumber.TryGet(a, out var x) && JsonNumber.TryGet(b, out var y) ? (x, y) : null;

    private static (bool, bool)? Booleans(JsonNode? a, JsonNode? b) =>
        a?.GetValueKind() is JsonValueKind.True or JsonValueKind.False && b?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? (a.GetValue<bool>(), b.GetValue<bool>())
            : null;

    private static (DateTimeOffset, DateTimeOffset)? Timestamps(JsonNode? a, JsonNode? b) =>
        Strings(a, b) is var (x, y) && AslTimestamp.TryParse(x, out var s) && AslTimestamp.TryParse(y, out var t) ? (s, t) : null;

    /// <summary>StringMatches: '*' matches any run of characters; '\*' and '\\' are a literal star and backslash.</summary>
    private static Regex WildcardPattern(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(pattern[i] == '*' ? ".*" : Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
