namespace Pipeline.Workflows;

/// <summary>A transition out of a state: the field that holds it (e.g. <c>Next</c>, <c>Catch[0].Next</c>) and the target name.</summary>
public sealed record StateTransition(string Field, string Target, bool IsErrorHandler = false);
