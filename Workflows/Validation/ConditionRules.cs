using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Validation;

/// <summary>Rules for Choice conditions: operand types, paths, timestamps and StringMatches patterns.</summary>
internal static class ConditionRules
{
    public static void Check(string field, Condition condition, Action<string> error)
    {
        switch (condition)
        {
            case AndCondition and:
                CheckAll($"{field}.And", and.Conditions, error);
                break;
            case OrCondition or:
                CheckAll($"{field}.Or", or.Conditions, error);
                break;
            case NotCondition not:
                Check($"{field}.Not", not.Condition, error);
                break;
            case ComparisonCondition comparison:
                CheckComparison(field, comparison, error);
                break;
            case JsonataCondition:
                error($"{field}: a JSONata Condition cannot be nested in And, Or or Not");
                break;
        }
    }

    private static void CheckAll(string field, IReadOnlyList<Condition> conditions, Action<string> error)
    {
        if (conditions.Count == 0)
            error($"{field} needs at least one condition");
        for (var index = 0; index < conditions.Count; index++)
            Check($"{field}[{index}]", conditions[index], error);
    }

    private static void CheckComparison(string field, ComparisonCondition comparison, Action<string> error)
    {
        var op = comparison.Operator;
        if (AslSyntax.Path(comparison.Variable) is { } variableError)
            error($"{field}.Variable '{comparison.Variable}' is not a valid JSONPath: {variableError}");

        switch (ComparisonOperatorFacts.OperandKindOf(op), comparison.Operand)
        {
            case (OperandKind.Path, PayloadText path):
                if (AslSyntax.ReferencePath(path.Value, allowContext: true) is { } pathError)
                    error($"{field}.{op} '{path.Value}' is not a valid reference path: {pathError}");
                break;
            case (OperandKind.Timestamp, PayloadText timestamp):
                if (!AslTimestamp.IsValid(timestamp.Value))
                    error($"{field}.{op} '{timestamp.Value}' is not an RFC 3339 timestamp");
                break;
            case (OperandKind.Text, PayloadText text):
                if (op == ComparisonOperator.StringMatches && InvalidEscape(text.Value) is { } position)
                    error($"{field}.StringMatches pattern '{text.Value}' has an invalid escape at position {position}: only \\* and \\\\ are allowed");
                break;
            case (OperandKind.Number, PayloadNumber):
            case (OperandKind.Boolean, PayloadBoolean):
                break;
            case var (kind, _):
                error($"{field}.{op} needs a {kind.ToString().ToLowerInvariant()} operand");
                break;
        }
    }

    private static int? InvalidEscape(string pattern)
    {
        for (var index = 0; index < pattern.Length; index++)
        {
            if (pattern[index] != '\\')
                continue;
            if (index + 1 >= pattern.Length || pattern[index + 1] is not ('*' or '\\'))
                return index;
            index++;
        }

        return null;
    }
}
