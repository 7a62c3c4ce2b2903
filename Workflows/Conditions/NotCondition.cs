namespace Pipeline.Workflows;

/// <summary>Holds when the condition does not.</summary>
public sealed record NotCondition(Condition Condition) : Condition;
