using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>Holds when any condition holds.</summary>
public sealed record OrCondition(ImmutableArray<Condition> Conditions) : Condition;
