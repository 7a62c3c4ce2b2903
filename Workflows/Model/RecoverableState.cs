using System.Collections.Immutable;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>A state that can fail, and so carries <c>Retry</c> and <c>Catch</c> (Task, Parallel, Map).</summary>
public abstract record RecoverableState(string Name) : FlowState(Name)
{
    public PayloadObject? ResultSelector { get; init; }

    public DataPath? ResultPath { get; init; }

    public ImmutableArray<Retrier> Retry { get; init; } = [];

    public ImmutableArray<Catcher> Catch { get; init; } = [];

    public override IEnumerable<StateTransition> Transitions() =>
        base.Transitions().Concat(Catch.Select((catcher, index) =>
            new StateTransition($"Catch[{index}].Next", catcher.Next, IsErrorHandler: true)));

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        base.Payloads().Concat(Present(("ResultSelector", ResultSelector)))
            .Concat(Catch.SelectMany((catcher, index) => Present(($"Catch[{index}].Output", catcher.Output), ($"Catch[{index}].Assign", catcher.Assign))));

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("ResultSelector", ResultSelector), ("ResultPath", ResultPath), ("Retry", Retry.IsEmpty ? null : Retry), ("Catch", Catch.IsEmpty ? null : Catch)));

    internal override IEnumerable<IChainable> AttachedChains() =>
        Catch.Where(catcher => catcher.Handler is not null).Select(catcher => catcher.Handler!);
}
