using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>
/// Which query language each state speaks: its own <c>QueryLanguage</c>, else the state machine's (JSONPath by default),
/// refused where <see cref="Workflows.QueryLanguages.CanHold"/> refuses it.
/// </summary>
internal static class QueryLanguages
{
    private const string Jsonata = Workflows.QueryLanguages.Jsonata;
    private const string JsonPath = Workflows.QueryLanguages.JsonPath;

    /// <summary>Writes the machine's language into every state that names none, nested graphs included.</summary>
    public static void Spread(JsonObject machine)
    {
        var language = machine["QueryLanguage"]?.GetValue<string>() ?? JsonPath;
        if (language is not (Jsonata or JsonPath))
        {
            throw new InvalidDefinitionException($"QueryLanguage '{language}' is neither {JsonPath} nor {Jsonata}.");
        }

        Spread(machine, language);
    }

    public static bool IsJsonata(JsonObject state) => state["QueryLanguage"]?.GetValue<string>() == Jsonata;

    private static void Spread(JsonObject graph, string language)
    {
        foreach (var (name, node) in graph["States"] as JsonObject ?? [])
        {
            if (node is not JsonObject state)
            {
                continue;
            }

            var own = state["QueryLanguage"]?.GetValue<string>();
            if (own is not (null or Jsonata or JsonPath))
            {
                throw new InvalidDefinitionException($"State '{name}': QueryLanguage '{own}' is neither {JsonPath} nor {Jsonata}.");
            }

            if (!Workflows.QueryLanguages.CanHold(Workflows.QueryLanguages.Parse(language)!.Value, Workflows.QueryLanguages.Parse(own ?? language)!.Value))
            {
                throw new InvalidDefinitionException($"State '{name}': a state of a JSONata state machine cannot use JSONPath.");
            }

            state["QueryLanguage"] = own ?? language;
            foreach (var nested in new[] { state["ItemProcessor"], state["Iterator"] }.OfType<JsonObject>()
                .Concat((state["Branches"] as JsonArray ?? []).OfType<JsonObject>()))
            {
                Spread(nested, language);
            }
        }
    }
}
