using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>A <c>Catch</c> entry: on a matching error, continue with <see cref="Next"/>, the error placed at <see cref="ResultPath"/>.</summary>
public sealed record Catcher(ImmutableArray<string> ErrorEquals, string Next)
{
    public DataPath? ResultPath { get; init; }

    /// <summary>The chain attached as the handler by the builder; not rendered.</summary>
    public IChainable? Handler { get; init; }
}
