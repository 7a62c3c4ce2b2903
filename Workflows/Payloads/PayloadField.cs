namespace Pipeline.Workflows;

/// <summary>One field of a payload object.</summary>
public sealed record PayloadField(string Name, PayloadValue Value);
