using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>
/// A top-level choice rule: a condition and the state to continue with when it holds. When it holds, its
/// <see cref="Assign"/> (and, in JSONata, its <see cref="Output"/>) replace the Choice state's own.
/// </summary>
public sealed record ChoiceRule(Condition Condition, string Next)
{
    public PayloadValue? Output { get; init; }

    public PayloadObject? Assign { get; init; }

    /// <summary>The chain attached by <see cref="ChoiceState.When(Condition, IChainable, PayloadObject?, PayloadValue?)"/>; not rendered.</summary>
    public IChainable? Branch { get; init; }
}
