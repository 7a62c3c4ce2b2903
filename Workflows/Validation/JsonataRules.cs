using Pipeline.Workflows.Jsonata;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Validation;

/// <summary>
/// Rules for the values of a JSONata state: no <c>.$</c> field (paths and intrinsics are JSONPath's), every field that
/// takes only an expression written <c>{% %}</c>, and every expression well formed, as JSONata 2.0.6 parses it.
/// </summary>
internal static class JsonataRules
{
    public static void Check(State state, Action<string> error)
    {
        foreach (var (field, value) in state.Payloads())
            RefusePaths(field, value, error);
        foreach (var (field, text) in StateExpressions.Jsonata(state))
        {
            if (JsonataText.Unwrap(text) is not { } expression)
                error($"{field} '{text}' must be a JSONata expression written {{% ... %}}");
            else if (ParseError(expression) is { } reason)
                error($"{field} '{text}' is not a valid JSONata expression: {reason}");
        }
    }

    /// <summary>The expression parsed, or null when it is malformed (refused by <see cref="Check"/>).</summary>
    public static JsonataExpression? TryParse(string text) =>
        JsonataText.Unwrap(text) is { } expression && ParseError(expression) is null ? AwsJsonataFunctions.Compile(expression) : null;

    private static string? ParseError(string expression)
    {
        try
        {
            AwsJsonataFunctions.Compile(expression);
            return null;
        }
        catch (JsonataException ex)
        {
            return ex.Message;
        }
    }

    private static void RefusePaths(string field, PayloadValue value, Action<string> error)
    {
        switch (value)
        {
            case PayloadExpression expression:
                error($"{field}: '{expression.Expression}' is a JSONPath or intrinsic function, which a JSONata state cannot evaluate: write a {{% ... %}} expression");
                break;
            case PayloadObject obj:
                foreach (var member in obj.Fields)
                    RefusePaths($"{field}.{member.Name}", member.Value, error);
                break;
            case PayloadArray array:
                for (var index = 0; index < array.Items.Length; index++)
                    RefusePaths($"{field}[{index}]", array.Items[index], error);
                break;
        }
    }
}
