using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>Holds when every condition holds.</summary>
public sealed record AndCondition(ImmutableArray<Condition> Conditions) : Condition;
