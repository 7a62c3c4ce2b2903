using System.Text.Json.Nodes;
using Pipeline.Local.Paths;
using Pipeline.Workflows.Jsonata;

namespace Pipeline.Local.Definition;

/// <summary>
/// Parses every <c>{% expression %}</c> of a JSONata state when the definition loads, so a malformed expression is
/// refused there, naming the state and the field, as CreateStateMachine refuses it.
/// </summary>
internal static class JsonataSyntax
{
    public static void Check(string name, JsonObject state)
    {
        foreach (var (field, value) in state)
        {
            if (field is "ItemProcessor" or "Iterator" or "Branches")
            {
                continue;
            }

            Check(name, field, value);
        }
    }

    private static void Check(string name, string at, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, member) in obj)
                {
                    Check(name, $"{at}.{key}", member);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(name, $"{at}[{i}]", array[i]);
                }

                break;
            case JsonValue text when JsonataTemplate.Expression(text) is { } expression:
                try
                {
                    AwsJsonataFunctions.Compile(expression);
                }
                catch (JsonataException ex)
                {
                    throw new InvalidDefinitionException($"State '{name}': {at} is invalid: '{expression}' is not a valid JSONata expression: {ex.Message}");
                }

                break;
        }
    }
}
