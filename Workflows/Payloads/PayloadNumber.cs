namespace Pipeline.Workflows;

/// <summary>A literal number.</summary>
public sealed record PayloadNumber(decimal Value) : PayloadValue;
