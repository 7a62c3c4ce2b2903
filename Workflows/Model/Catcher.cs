using System.Collections.Immutable;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>
/// A <c>Catch</c> entry: on a matching error, continue with <see cref="Next"/>; in JSONPath the error is placed at
/// <see cref="ResultPath"/>, in JSONata <see cref="Output"/> is the output (<c>$states.errorOutput</c> is the error).
/// </summary>
public sealed record Catcher(ImmutableArray<string> ErrorEquals, string Next)
{
    public DataPath? ResultPath { get; init; }

    /// <summary>JSONata: the output passed to <see cref="Next"/>; the state's input when unset.</summary>
    public PayloadValue? Output { get; init; }

    /// <summary>The variables set when this catcher matches, as a state's <see cref="State.Assign"/>.</summary>
    public PayloadObject? Assign { get; init; }

    /// <summary>The chain attached as the handler by the builder; not rendered.</summary>
    public IChainable? Handler { get; init; }
}
