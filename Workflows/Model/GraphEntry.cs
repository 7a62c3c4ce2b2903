namespace Pipeline.Workflows;

/// <summary>A state found while walking a definition: the state and its display path.</summary>
internal sealed record GraphEntry(State State, string Path);
