using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;
using Pipeline.Local.Errors;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Paths;

/// <summary>
/// Evaluates Parameters, ItemSelector, ResultSelector and a JSONPath state's Assign: a field whose name ends in ".$"
/// takes the value of a path on the data (<c>$...</c>), the context object (<c>$$...</c>) or a variable
/// (<c>$name...</c>), or of an intrinsic function call; other fields are copied, recursing into objects and arrays.
/// </summary>
public static class PayloadTemplate
{
    /// <summary>Each distinct expression is parsed once per process, as <see cref="JsonPath"/>'s paths are.</summary>
    private static readonly ParsedTexts<AslExpression> Parsed = new(AslExpression.Parse, (_, ex) => ex.Message);

    public static JsonNode? Evaluate(JsonNode? template, PathScope scope, IntrinsicFunctions intrinsics)
    {
        ArgumentNullException.ThrowIfNull(intrinsics);
        return template switch
        {
            JsonObject obj => EvaluateObject(obj, scope, intrinsics),
            JsonArray array => new JsonArray(array.Select(item => Evaluate(item, scope, intrinsics)).ToArray()),
            _ => template?.DeepClone(),
        };
    }

    /// <summary>Resolves one ".$" expression (or ErrorPath, CausePath): a path or an intrinsic call.</summary>
    public static JsonNode? Resolve(string expression, PathScope scope, IntrinsicFunctions intrinsics)
    {
        ArgumentNullException.ThrowIfNull(intrinsics);
        return Parsed.Get(expression) switch
        {
            PathExpression path => JsonPath.Of(path).Evaluate(scope),
            IntrinsicCall call => intrinsics.Evaluate(call, scope),
            var other => throw new InvalidOperationException($"Unknown expression {other.GetType().Name}."),
        };
    }

    private static JsonObject EvaluateObject(JsonObject template, PathScope scope, IntrinsicFunctions intrinsics)
    {
        var result = new JsonObject();
        foreach (var (key, value) in template)
        {
            if (!key.EndsWith(".$", StringComparison.Ordinal))
            {
                result[key] = Evaluate(value, scope, intrinsics);
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
                result[name] = Resolve(expression, scope, intrinsics);
            }
            catch (StatesErrorException ex) when (ex.Error == ErrorNames.Runtime && Source(expression, scope) is var (description, document))
            {
                throw new StatesErrorException(
                    ErrorNames.Runtime,
                    $"The JSONPath '{expression}' specified for the field '{key}' could not be found in {description} '{JsonText.Write(document)}'");
            }
        }

        return result;
    }

    /// <summary>What a path that matched nothing was read from, for the error; null for intrinsic calls and unassigned variables.</summary>
    private static (string Description, JsonNode? Document)? Source(string expression, PathScope scope)
    {
        if (Parsed.Get(expression) is not PathExpression path)
        {
            return null;
        }

        return path.Root switch
        {
            PathRoot.Context => ("the context object", scope.Context),
            PathRoot.Variable => scope.Variables.TryGetValue(path.Variable!, out var variable) ? ($"the variable '${path.Variable}'", variable) : null,
            _ => ("the input", scope.Data),
        };
    }
}
