namespace Pipeline.Workflows;

/// <summary>A literal string.</summary>
public sealed record PayloadText(string Value) : PayloadValue;
