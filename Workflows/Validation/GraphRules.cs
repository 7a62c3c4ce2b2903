using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>Rules about names and transitions: uniqueness, targets, reachability, terminal states.</summary>
internal static class GraphRules
{
    public const int MaxNameLength = 80;

    public static void CheckNames(List<GraphEntry> entries, List<ValidationError> errors)
    {
        var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.State.Name;
            if (name.Length is 0 or > MaxNameLength)
                errors.Add(new(entry.Path, $"state name must be 1-{MaxNameLength} characters (has {name.Length})"));
            if (!firstPath.TryAdd(name, entry.Path))
                errors.Add(new(entry.Path, $"state name '{name}' is not unique (also at {firstPath[name]}); names must be unique across nested graphs"));
        }
    }

    /// <summary>Checks one graph, then the graphs nested in its states.</summary>
    /// <param name="graphPath">How errors about the graph itself are labelled.</param>
    /// <param name="statePrefix">The path prefix of the graph's states (null at the top).</param>
    public static void CheckGraph(StateGraph graph, string graphPath, string? statePrefix, List<GraphEntry> allEntries, List<ValidationError> errors)
    {
        string PathOf(State state) => StateList.PathOf(state.Name, statePrefix);

        var names = graph.States.Select(state => state.Name).ToHashSet(StringComparer.Ordinal);
        var transitionErrors = errors.Count;
        if (graph.States.IsEmpty)
            errors.Add(new(graphPath, "has no states"));
        else if (!names.Contains(graph.StartAt))
            errors.Add(new(graphPath, $"StartAt '{graph.StartAt}' does not exist"));

        foreach (var state in graph.States)
        {
            foreach (var transition in state.Transitions().Where(transition => !names.Contains(transition.Target)))
            {
                var elsewhere = allEntries.FirstOrDefault(entry => entry.State.Name == transition.Target);
                errors.Add(new(PathOf(state), elsewhere is null
                    ? $"{transition.Field} target '{transition.Target}' does not exist"
                    : $"{transition.Field} target '{transition.Target}' is in another graph ({elsewhere.Path}): transitions cannot enter or leave a Parallel branch or Map item processor"));
            }
        }

        var structurallySound = errors.Count == transitionErrors;
        if (structurallySound)
        {
            var reachable = Reachable(graph);
            foreach (var state in graph.States.Where(state => !reachable.Contains(state.Name)))
                errors.Add(new(PathOf(state), $"is not reachable from StartAt '{graph.StartAt}'"));

            var canFinish = CanReachTerminal(graph);
            foreach (var state in graph.States.Where(state => reachable.Contains(state.Name) && !canFinish.Contains(state.Name) && state.Transitions().Any()))
                errors.Add(new(PathOf(state), "no path from this state reaches a terminal state (End, Succeed or Fail): every path must end"));
        }

        foreach (var state in graph.States)
        {
            foreach (var nested in state.NestedGraphs())
            {
                var nestedPath = $"{PathOf(state)} > {nested.Field}";
                CheckGraph(nested.Graph, nestedPath, nestedPath, allEntries, errors);
            }
        }
    }

    /// <summary>The states reachable from <c>StartAt</c> by any transition, error handlers included.</summary>
    private static HashSet<string> Reachable(StateGraph graph)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([graph.StartAt]);
        while (pending.TryPop(out var name))
        {
            if (graph.Find(name) is { } state && reached.Add(name))
            {
                foreach (var transition in state.Transitions())
                    pending.Push(transition.Target);
            }
        }

        return reached;
    }

    /// <summary>The states from which normal flow (not error handlers) can reach End, Succeed or Fail.</summary>
    private static HashSet<string> CanReachTerminal(StateGraph graph)
    {
        var finishing = graph.States.Where(IsTerminal).Select(state => state.Name).ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var state in graph.States.Where(state => !finishing.Contains(state.Name)))
            {
                if (state.Transitions().Any(transition => !transition.IsErrorHandler && finishing.Contains(transition.Target)))
                    grew |= finishing.Add(state.Name);
            }
        }
        while (grew);

        return finishing;
    }

    private static bool IsTerminal(State state) => state is SucceedState or FailState or FlowState { End: true, Next: null };
}
