namespace Pipeline.Workflows;

/// <summary>A state found while walking a definition: the state, its display path and the graph that holds it.</summary>
internal sealed record GraphEntry(State State, string Path, StateGraph Graph);
