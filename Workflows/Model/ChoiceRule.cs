namespace Pipeline.Workflows;

/// <summary>A top-level choice rule: a condition and the state to continue with when it holds.</summary>
public sealed record ChoiceRule(Condition Condition, string Next)
{
    /// <summary>The chain attached by <see cref="ChoiceState.When(Condition, IChainable)"/>; not rendered.</summary>
    public IChainable? Branch { get; init; }
}
