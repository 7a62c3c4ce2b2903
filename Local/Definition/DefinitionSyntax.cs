using System.Text.Json.Nodes;
using Pipeline.Workflows.Validation;

namespace Pipeline.Local.Definition;

/// <summary>
/// Checks every path, reference path and <c>.$</c> expression of a state with the validator's grammar
/// (<see cref="AslSyntax"/>), so a definition the validator refuses is refused when the engine loads it, naming the
/// state and the field, as CreateStateMachine refuses it, rather than failing transitions later.
/// </summary>
internal static class DefinitionSyntax
{
    private static readonly string[] Paths = ["InputPath", "OutputPath"];

    private static readonly string[] ContextReferencePaths =
        ["ItemsPath", "SecondsPath", "TimestampPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"];

    private static readonly string[] Expressions = ["ErrorPath", "CausePath"];

    private static readonly string[] Templates = ["Parameters", "ItemSelector", "ResultSelector", "Assign"];

    public static void Check(string name, JsonObject state)
    {
        void Refuse(string field, string reason) =>
            throw new InvalidDefinitionException($"State '{name}': {field} is invalid: {reason}");

        foreach (var field in Paths)
        {
            if (Text(state[field]) is { } path && AslSyntax.Path(path) is { } reason)
                Refuse(field, $"'{path}' is not a valid JSONPath: {reason}");
        }

        foreach (var field in ContextReferencePaths)
        {
            if (Text(state[field]) is { } path && AslSyntax.ReferencePath(path, allowContext: true) is { } reason)
                Refuse(field, $"'{path}' is not a valid reference path: {reason}");
        }

        foreach (var field in Expressions)
        {
            if (Text(state[field]) is { } expression && AslSyntax.Expression(expression) is { } reason)
                Refuse(field, reason);
        }

        if (Text(state["ItemReader"]?["ReaderConfig"]?["MaxItemsPath"]) is { } maxItemsPath && AslSyntax.ReferencePath(maxItemsPath, allowContext: true) is { } maxItemsReason)
            Refuse("ItemReader.ReaderConfig.MaxItemsPath", $"'{maxItemsPath}' is not a valid reference path: {maxItemsReason}");

        if (Text(state["ResultPath"]) is { } resultPath && AslSyntax.ReferencePath(resultPath, allowContext: false) is { } resultReason)
            Refuse("ResultPath", $"'{resultPath}' is not a valid reference path: {resultReason}");

        foreach (var (catcher, index) in (state["Catch"] as JsonArray ?? []).Select((catcher, index) => (catcher, index)))
        {
            if (Text(catcher?["ResultPath"]) is { } path && AslSyntax.ReferencePath(path, allowContext: false) is { } reason)
                Refuse($"Catch[{index}].ResultPath", $"'{path}' is not a valid reference path: {reason}");
            if (FirstInvalidExpression(catcher?["Assign"]) is { } invalid)
                Refuse($"Catch[{index}].Assign.{invalid.Key}", invalid.Reason);
        }

        var templates = Templates.Select(field => (field, state[field]))
            .Append(("ItemReader.Parameters", state["ItemReader"]?["Parameters"]))
            .Append(("ItemBatcher.BatchInput", state["ItemBatcher"]?["BatchInput"]))
            .Append(("ResultWriter.Parameters", state["ResultWriter"]?["Parameters"]));
        foreach (var (field, template) in templates)
        {
            if (FirstInvalidExpression(template) is { } invalid)
                Refuse($"{field}.{invalid.Key}", invalid.Reason);
        }

        foreach (var (rule, index) in (state["Choices"] as JsonArray ?? []).Select((rule, index) => (rule, index)))
        {
            if (FirstInvalidRule(rule) is { } invalid)
                Refuse($"Choices[{index}].{invalid.Key}", invalid.Reason);
            if (FirstInvalidExpression(rule?["Assign"]) is { } assign)
                Refuse($"Choices[{index}].Assign.{assign.Key}", assign.Reason);
        }
    }

    private static (string Key, string Reason)? FirstInvalidExpression(JsonNode? template)
    {
        switch (template)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal) && Text(value) is { } expression && AslSyntax.Expression(expression) is { } reason)
                        return (key, reason);
                    if (FirstInvalidExpression(value) is { } nested)
                        return ($"{key}.{nested.Key}", nested.Reason);
                }

                return null;
            case JsonArray array:
                return array.Select(FirstInvalidExpression).FirstOrDefault(invalid => invalid is not null);
            default:
                return null;
        }
    }

    /// <summary>A rule's Variable is a Path; an operator ending in Path names a reference path; And, Or and Not nest rules.</summary>
    private static (string Key, string Reason)? FirstInvalidRule(JsonNode? rule)
    {
        if (rule is not JsonObject obj)
            return null;

        foreach (var (key, value) in obj)
        {
            if (key == "Variable" && Text(value) is { } variable && AslSyntax.Path(variable) is { } reason)
                return (key, $"'{variable}' is not a valid JSONPath: {reason}");
            if (key.EndsWith("Path", StringComparison.Ordinal) && Text(value) is { } path && AslSyntax.ReferencePath(path, allowContext: true) is { } pathReason)
                return (key, $"'{path}' is not a valid reference path: {pathReason}");
            var nested = key switch
            {
                "And" or "Or" => (value as JsonArray ?? []).Select(FirstInvalidRule).FirstOrDefault(invalid => invalid is not null),
                "Not" => FirstInvalidRule(value),
                _ => null,
            };
            if (nested is { } inner)
                return ($"{key}.{inner.Key}", inner.Reason);
        }

        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
