namespace Pipeline.Workflows;

/// <summary>A graph nested in a state, with the field that holds it (e.g. <c>Branches[0]</c>, <c>ItemProcessor</c>).</summary>
public sealed record NestedGraph(string Field, StateGraph Graph);
