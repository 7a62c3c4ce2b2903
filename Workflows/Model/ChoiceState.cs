using System.Collections.Immutable;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

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

    /// <summary>A Choice in JSONata, whose rules test <see cref="Condition.Jsonata(string)"/> conditions.</summary>
    public static ChoiceState Jsonata(string name) => new(name) { QueryLanguage = Model.QueryLanguage.Jsonata };

    /// <summary>
    /// Adds a rule that continues with <paramref name="branch"/> when <paramref name="condition"/> holds, then setting
    /// <paramref name="assign"/> and (JSONata) <paramref name="output"/> instead of the state's own.
    /// </summary>
    public ChoiceState When(Condition condition, IChainable branch, PayloadObject? assign = null, PayloadValue? output = null)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return this with { Choices = Choices.Add(new ChoiceRule(condition, branch.StartAt) { Branch = branch, Assign = assign, Output = output }) };
    }

    /// <summary>Adds a rule that continues with the state named <paramref name="next"/>.</summary>
    public ChoiceState When(Condition condition, string next, PayloadObject? assign = null, PayloadValue? output = null) =>
        this with { Choices = Choices.Add(new ChoiceRule(condition, next) { Assign = assign, Output = output }) };

    /// <summary>Continues with <paramref name="branch"/> when no rule matches.</summary>
    public ChoiceState Otherwise(IChainable branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return this with { Default = branch.StartAt, DefaultBranch = branch };
    }

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        base.Payloads().Concat(Choices.SelectMany((rule, index) => Present(($"Choices[{index}].Output", rule.Output), ($"Choices[{index}].Assign", rule.Assign))));

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("InputPath", InputPath), ("OutputPath", OutputPath), ("Choices", Choices.IsEmpty ? null : Choices), ("Default", Default)));

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
