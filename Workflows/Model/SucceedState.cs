namespace Pipeline.Workflows.Model;

/// <summary>A Succeed state: ends the graph successfully.</summary>
public sealed record SucceedState(string Name) : State(Name)
{
    public override string Type => "Succeed";

    public DataPath? InputPath { get; init; }

    public DataPath? OutputPath { get; init; }

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("InputPath", InputPath), ("OutputPath", OutputPath)));
}
