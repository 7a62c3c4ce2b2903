using ErrorNames = Pipeline.Workflows.ErrorNames;
using System.Text.Json.Nodes;
using Pipeline.Local.Engine;

namespace Pipeline.Local.Paths;

/// <summary>
/// Evaluates Parameters, ItemSelector and ResultSelector: a field whose name ends in ".$" takes the value of a path
/// on the input (<c>$...</c>), a path on the context object (<c>$$...</c>) or an intrinsic function call; other fields
/// are copied, recursing into objects and arrays.
/// </summary>
public static class PayloadTemplate
{
    public static JsonNode? Evaluate(JsonNode? template, JsonNode? input, JsonNode? context, IntrinsicFunctions intrinsics)
    {
        ArgumentNullException.ThrowIfNull(intrinsics);
        return template switch
        {
            JsonObject obj => EvaluateObject(obj, input, context, intrinsics),
            JsonArray array => new JsonArray(array.Select(item => Evaluate(item, input, context, intrinsics)).ToArray()),
            _ => template?.DeepClone(),
        };
    }

    /// <summary>Resolves one ".$" expression: a path, a context path or an intrinsic call.</summary>
    public static JsonNode? Resolve(string expression, JsonNode? input, JsonNode? context, IntrinsicFunctions intrinsics)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(intrinsics);
        if (expression.StartsWith("$$", StringComparison.Ordinal))
        {
            return JsonPath.Parse(expression[1..]).Evaluate(context);
        }

        return expression.StartsWith('$')
            ? JsonPath.Parse(expression).Evaluate(input)
            : intrinsics.Evaluate(expression, input, context);
    }

    private static JsonObject EvaluateObject(JsonObject template, JsonNode? input, JsonNode? context, IntrinsicFunctions intrinsics)
    {
        var result = new JsonObject();
        foreach (var (key, value) in template)
        {
            if (!key.EndsWith(".$", StringComparison.Ordinal))
            {
                result[key] = Evaluate(value, input, context, intrinsics);
                continue;
            }

            var name = key[..^2];
            if (value?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                throw new StatesErrorException(ErrorNames.Runtime, $"The value for the field '{key}' must be a string holding a path or an intrinsic function.");
            }

            var expression = value.GetValue<string>();
            try
            {
                result[name] = Resolve(expression, input, context, intrinsics);
            }
            catch (StatesErrorException ex) when (ex.Error == ErrorNames.Runtime && expression.StartsWith('$'))
            {
                var source = expression.StartsWith("$$", StringComparison.Ordinal) ? "the context object" : "the input";
                throw new StatesErrorException(
                    ErrorNames.Runtime,
                    $"The JSONPath '{expression}' specified for the field '{key}' could not be found in {source} '{JsonText.Write(expression.StartsWith("$$", StringComparison.Ordinal) ? context : input)}'");
            }
        }

        return result;
    }
}
