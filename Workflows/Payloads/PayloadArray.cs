using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>A literal array.</summary>
public sealed record PayloadArray(ImmutableArray<PayloadValue> Items) : PayloadValue;
