using System.Collections.Immutable;

namespace Pipeline.Workflows.Model;

/// <summary>Helpers over lists of states and nested graphs.</summary>
internal static class StateList
{
    /// <summary>Appends the states of <paramref name="more"/> not already in <paramref name="states"/>, keeping order.</summary>
    public static ImmutableArray<State> Union(ImmutableArray<State> states, IEnumerable<State> more) =>
        states.AddRange(more.Where(state => !states.Contains(state)).Distinct());

    /// <summary>Every state of the graph and of the graphs nested in it, each with its display path.</summary>
    public static IEnumerable<GraphEntry> Walk(StateGraph graph, string? parentPath = null)
    {
        foreach (var state in graph.States)
        {
            var path = PathOf(state.Name, parentPath);
            yield return new GraphEntry(state, path);
            foreach (var nested in state.NestedGraphs())
            {
                foreach (var entry in Walk(nested.Graph, $"{path} > {nested.Field}"))
                    yield return entry;
            }
        }
    }

    /// <summary>The display path of the state <paramref name="name"/> in a graph whose states are under <paramref name="parentPath"/> (null at the top).</summary>
    public static string PathOf(string name, string? parentPath)
    {
        var displayName = name.Length == 0 ? "<unnamed>" : name;
        return parentPath is null ? displayName : $"{parentPath} > {displayName}";
    }
}

/// <summary>A state found while walking a definition: the state and its display path.</summary>
internal sealed record GraphEntry(State State, string Path);
