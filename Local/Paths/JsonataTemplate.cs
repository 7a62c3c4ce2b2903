using System.Text.Json.Nodes;
using Pipeline.Local.Errors;
using Pipeline.Workflows.Jsonata;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;

namespace Pipeline.Local.Paths;

/// <summary>
/// A JSONata state's field as Step Functions evaluates it: a string <c>{% expression %}</c> is the expression's value,
/// an object or array is evaluated member by member, anything else is itself. The expressions see <c>$states</c> and
/// the workflow's variables, and run AWS's function library: JSONata's, without <c>$eval</c>, with AWS's own.
/// </summary>
public static class JsonataTemplate
{
    /// <summary>The expression inside <c>{% %}</c>, or null when <paramref name="value"/> is not one.</summary>
    public static string? Expression(JsonNode? value) =>
        value is JsonValue text && text.TryGetValue<string>(out var s) && s.StartsWith("{%", StringComparison.Ordinal) && s.EndsWith("%}", StringComparison.Ordinal) && s.Length >= 4
            ? s[2..^2]
            : null;

    /// <summary>The template's value; a member whose expression is undefined is left out, as Step Functions leaves it out.</summary>
    public static JsonNode? Evaluate(JsonNode? template, IReadOnlyDictionary<string, JsonNode?> bindings) =>
        Evaluate(template, bindings, out var undefined) is var value && undefined ? null : value;

    /// <summary>Evaluates one expression (without the braces).</summary>
    public static JsonataResult Run(string expression, IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        var compiled = AwsJsonataFunctions.Compile(expression);
        try
        {
            return compiled.Evaluate(JsonataResult.Undefined, bindings);
        }
        catch (JsonataException ex)
        {
            throw new StatesErrorException(ErrorNames.QueryEvaluationError, $"The JSONata expression '{expression}' could not be evaluated: {ex.Message}");
        }
    }

    private static JsonNode? Evaluate(JsonNode? template, IReadOnlyDictionary<string, JsonNode?> bindings, out bool undefined)
    {
        undefined = false;
        switch (template)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, member) in obj)
                {
                    var value = Evaluate(member, bindings, out var missing);
                    if (!missing)
                    {
                        result[key] = value;
                    }
                }

                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    var value = Evaluate(item, bindings, out var missing);
                    if (!missing)
                    {
                        items.Add(value);
                    }
                }

                return items;
            default:
                if (Expression(template) is not { } expression)
                {
                    return template?.DeepClone();
                }

                var evaluated = Run(expression, bindings);
                undefined = evaluated.IsUndefined;
                return evaluated.Value?.DeepClone();
        }
    }
}
