namespace Pipeline.Local.Definition;

/// <summary>A set of states and where to start: the machine itself, a Parallel branch or a Map processor.</summary>
public sealed record StateGraph(string StartAt, IReadOnlyDictionary<string, State> States);
