namespace Pipeline.Workflows.Paths;

/// <summary>A parsed JSONPath: where it starts (<see cref="Root"/>, and the variable's name) and its steps.</summary>
public sealed record PathExpression : AslExpression
{
    public required PathRoot Root { get; init; }

    /// <summary>The variable's name when <see cref="Root"/> is <see cref="PathRoot.Variable"/>.</summary>
    public string? Variable { get; init; }

    public required IReadOnlyList<PathSegment> Segments { get; init; }

    /// <summary>Names and indexes only: the path selects one node (or none), not a list of matches.</summary>
    public bool IsDefinite => Segments.All(segment => segment is PathSegment.Name or PathSegment.Index);
}
