using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>
/// A Pass state: passes its input on, optionally shaped by <see cref="Parameters"/> or replaced by <see cref="Result"/>;
/// in JSONata by <see cref="State.Output"/>.
/// </summary>
public sealed record PassState(string Name) : FlowState(Name)
{
    public override string Type => "Pass";

    public PayloadObject? Parameters { get; init; }

    /// <summary>A literal JSON result (no paths are evaluated in it).</summary>
    public PayloadValue? Result { get; init; }

    public DataPath? ResultPath { get; init; }

    /// <summary>A Pass in JSONata: its output is <paramref name="output"/>, and it sets <paramref name="assign"/>.</summary>
    public static PassState Jsonata(string name, PayloadValue? output = null, PayloadObject? assign = null) =>
        new(name) { QueryLanguage = Model.QueryLanguage.Jsonata, Output = output, Assign = assign };

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        Present(("Parameters", Parameters)).Concat(base.Payloads());

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("Parameters", Parameters), ("Result", Result), ("ResultPath", ResultPath)));
}
