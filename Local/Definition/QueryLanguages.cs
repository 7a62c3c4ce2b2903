using System.Text.Json.Nodes;
using QueryLanguage = Pipeline.Workflows.Model.QueryLanguage;
using Shared = Pipeline.Workflows.Model.QueryLanguages;

namespace Pipeline.Local.Definition;

/// <summary>
/// Which query language each state speaks: its own <c>QueryLanguage</c>, else the state machine's (JSONPath by default),
/// refused where <see cref="Shared.CanHold"/> refuses it.
/// </summary>
internal static class QueryLanguages
{
    /// <summary>Writes the machine's language into every state that names none, nested graphs included.</summary>
    public static void Spread(JsonObject machine) =>
        Spread(machine, Parse(machine["QueryLanguage"]?.GetValue<string>() ?? Shared.JsonPath, string.Empty));

    public static bool IsJsonata(JsonObject state) => state["QueryLanguage"]?.GetValue<string>() == Shared.Jsonata;

    private static void Spread(JsonObject graph, QueryLanguage language)
    {
        foreach (var (name, node) in graph["States"] as JsonObject ?? [])
        {
            if (node is not JsonObject state)
            {
                continue;
            }

            var own = state["QueryLanguage"]?.GetValue<string>() is { } named ? Parse(named, $"State '{name}': ") : language;
            if (!Shared.CanHold(language, own))
            {
                throw new InvalidDefinitionException($"State '{name}': a state of a JSONata state machine cannot use JSONPath.");
            }

            state["QueryLanguage"] = Shared.NameOf(own);
            foreach (var nested in new[] { state["ItemProcessor"], state["Iterator"] }.OfType<JsonObject>()
                .Concat((state["Branches"] as JsonArray ?? []).OfType<JsonObject>()))
            {
                Spread(nested, language);
            }
        }
    }

    private static QueryLanguage Parse(string name, string owner) =>
        Shared.Parse(name) ?? throw new InvalidDefinitionException($"{owner}QueryLanguage '{name}' is neither {Shared.JsonPath} nor {Shared.Jsonata}.");
}
