using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>A Choice state: the first rule whose condition holds picks the next state, else <see cref="Default"/>.</summary>
public sealed record ChoiceState(string Name) : State(Name)
{
    public override string Type => "Choice";

    public DataPath? InputPath { get; init; }

    public DataPath? OutputPath { get; init; }

    public ImmutableArray<ChoiceRule> Choices { get; init; } = [];

    public string? Default { get; init; }

    /// <summary>The chain <see cref="Otherwise(IChainable)"/> attached as the default branch.</summary>
    public IChainable? DefaultBranch { get; init; }

    /// <summary>Adds a rule that continues with <paramref name="branch"/> when <paramref name="condition"/> holds.</summary>
    public ChoiceState When(Condition condition, IChainable branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return this with { Choices = Choices.Add(new ChoiceRule(condition, branch.StartAt) { Branch = branch }) };
    }

    /// <summary>Adds a rule that continues with the state named <paramref name="next"/>.</summary>
    public ChoiceState When(Condition condition, string next) =>
        this with { Choices = Choices.Add(new ChoiceRule(condition, next)) };

    /// <summary>Continues with <paramref name="branch"/> when no rule matches.</summary>
    public ChoiceState Otherwise(IChainable branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return this with { Default = branch.StartAt, DefaultBranch = branch };
    }

    public override IEnumerable<StateTransition> Transitions() =>
        Choices.Select((rule, index) => new StateTransition($"Choices[{index}].Next", rule.Next))
            .Concat(Default is null ? [] : [new StateTransition("Default", Default)]);

    internal override IEnumerable<IChainable> AttachedChains() =>
        Branches();

    /// <summary>A Choice leaves open whatever its branches leave open, so a chain can continue after all of them.</summary>
    internal override ImmutableArray<string> OpenEnds() =>
        [.. Branches().SelectMany(branch => branch.Ends).Distinct()];

    private IEnumerable<IChainable> Branches() =>
        Choices.Where(rule => rule.Branch is not null).Select(rule => rule.Branch!)
            .Concat(DefaultBranch is null ? [] : [DefaultBranch]);
}
