namespace Pipeline.Workflows.Model;

/// <summary>A state that continues with <c>Next</c> or ends the graph with <c>End</c> (Task, Pass, Wait, Parallel, Map).</summary>
public abstract record FlowState(string Name) : State(Name)
{
    public string? Next { get; init; }

    public bool End { get; init; }

    public DataPath? InputPath { get; init; }

    public DataPath? OutputPath { get; init; }

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("Next", Next), ("End", End ? true : null), ("InputPath", InputPath), ("OutputPath", OutputPath)));

    public override IEnumerable<StateTransition> Transitions() =>
        Next is null ? [] : [new StateTransition("Next", Next)];

    internal override System.Collections.Immutable.ImmutableArray<string> OpenEnds() =>
        Next is null && !End ? [Name] : [];
}
