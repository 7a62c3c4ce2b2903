using System.Collections.Immutable;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.Model;

/// <summary>A whole state machine definition: what renders to one ASL document.</summary>
public sealed record StateMachineDefinition(string StartAt, ImmutableArray<State> States)
{
    public string? Comment { get; init; }

    /// <summary>The execution timeout; Express machines allow at most 300 s.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The language of every state that names none; JSONPath when unset.</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    /// <summary>The language <paramref name="state"/> speaks in this machine: its own, else the machine's.</summary>
    public QueryLanguage LanguageOf(State state) => state.QueryLanguage ?? QueryLanguage ?? Model.QueryLanguage.JsonPath;

    public StateGraph Graph => new(StartAt, States);

    /// <summary>Builds a definition from a chain; open ends end the machine.</summary>
    public static StateMachineDefinition From(IChainable chain, string? comment = null, int? timeoutSeconds = null, QueryLanguage? queryLanguage = null)
    {
        var graph = StateGraph.From(chain);
        return new StateMachineDefinition(graph.StartAt, graph.States) { Comment = comment, TimeoutSeconds = timeoutSeconds, QueryLanguage = queryLanguage };
    }

    /// <summary>Builds a JSONata definition from a chain: every state speaks JSONata unless it says otherwise.</summary>
    public static StateMachineDefinition Jsonata(IChainable chain, string? comment = null, int? timeoutSeconds = null) =>
        From(chain, comment, timeoutSeconds, Model.QueryLanguage.Jsonata);

    /// <summary>Every state, those of Parallel branches and Map processors included.</summary>
    public IEnumerable<State> AllStates() => StateList.Walk(Graph).Select(entry => entry.State);

    /// <summary>Every resource the definition uses, so the machine's role can be granted exactly these.</summary>
    public ResourceReferences GetResourceReferences() => ResourceReferences.Of(this);
}
