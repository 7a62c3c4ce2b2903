namespace Pipeline.Workflows;

/// <summary>A literal boolean.</summary>
public sealed record PayloadBoolean(bool Value) : PayloadValue;
