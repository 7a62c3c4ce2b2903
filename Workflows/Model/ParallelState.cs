using System.Collections.Immutable;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>A Parallel state: runs each branch on the same input; its result is the array of branch outputs.</summary>
public sealed record ParallelState(string Name) : RecoverableState(Name)
{
    public override string Type => "Parallel";

    public PayloadObject? Parameters { get; init; }

    /// <summary>JSONata: the input each branch receives, a JSON value whose <c>{% %}</c> strings are evaluated.</summary>
    public PayloadValue? Arguments { get; init; }

    public ImmutableArray<StateGraph> Branches { get; init; } = [];

    /// <summary>Adds a branch; the chain's open ends end the branch.</summary>
    public ParallelState AddBranch(IChainable branch) =>
        this with { Branches = Branches.Add(StateGraph.From(branch)) };

    public override IEnumerable<NestedGraph> NestedGraphs() =>
        Branches.Select((graph, index) => new NestedGraph($"Branches[{index}]", graph));

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        Present(("Parameters", Parameters), ("Arguments", Arguments)).Concat(base.Payloads());

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("Parameters", Parameters), ("Arguments", Arguments), ("Branches", Branches.IsEmpty ? null : Branches)));
}
