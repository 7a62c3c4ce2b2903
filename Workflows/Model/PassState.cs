namespace Pipeline.Workflows;

/// <summary>A Pass state: passes its input on, optionally shaped by <see cref="Parameters"/> or replaced by <see cref="Result"/>.</summary>
public sealed record PassState(string Name) : FlowState(Name)
{
    public override string Type => "Pass";

    public PayloadObject? Parameters { get; init; }

    /// <summary>A literal JSON result (no paths are evaluated in it).</summary>
    public PayloadValue? Result { get; init; }

    public DataPath? ResultPath { get; init; }

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        Parameters is null ? [] : [("Parameters", Parameters)];
}
