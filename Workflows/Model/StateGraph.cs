using System.Collections.Immutable;
using Pipeline.Workflows.Builder;

namespace Pipeline.Workflows.Model;

/// <summary>A <c>StartAt</c> and its <c>States</c>: a Parallel branch, a Map item processor, or the top of a definition.</summary>
public sealed record StateGraph(string StartAt, ImmutableArray<State> States)
{
    public string? Comment { get; init; }

    /// <summary>
    /// Closes a chain into a graph: every state left without a transition ends the graph, and the states
    /// are ordered depth first from <c>StartAt</c> along normal flow, error handlers after, so renders are stable.
    /// </summary>
    public static StateGraph From(IChainable chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var closed = chain.States.Select(state =>
            state is FlowState { Next: null, End: false } open ? open with { End = true } : state).ToImmutableArray();
        return new StateGraph(chain.StartAt, Order(chain.StartAt, closed));
    }

    public State? Find(string name) => States.FirstOrDefault(state => state.Name == name);

    private static ImmutableArray<State> Order(string startAt, ImmutableArray<State> states)
    {
        var byName = states.GroupBy(state => state.Name).ToDictionary(group => group.Key, group => group.First());
        var ordered = new List<State>();

        void Visit(string name)
        {
            if (!byName.TryGetValue(name, out var state) || ordered.Contains(state))
                return;
            ordered.Add(state);
            foreach (var transition in state.Transitions().Where(transition => !transition.IsErrorHandler))
                Visit(transition.Target);
        }

        Visit(startAt);
        for (var index = 0; index < ordered.Count; index++)
        {
            foreach (var transition in ordered[index].Transitions().Where(transition => transition.IsErrorHandler))
                Visit(transition.Target);
        }

        ordered.AddRange(states.Where(state => !ordered.Contains(state)));
        return [.. ordered];
    }
}

/// <summary>A graph nested in a state, with the field that holds it (e.g. <c>Branches[0]</c>, <c>ItemProcessor</c>).</summary>
public sealed record NestedGraph(string Field, StateGraph Graph);

/// <summary>A transition out of a state: the field that holds it (e.g. <c>Next</c>, <c>Catch[0].Next</c>) and the target name.</summary>
public sealed record StateTransition(string Field, string Target, bool IsErrorHandler = false);
