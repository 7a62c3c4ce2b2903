namespace Pipeline.Workflows.Paths;

/// <summary>One step of a parsed JSONPath.</summary>
public abstract record PathSegment
{
    /// <summary><c>.name</c> or <c>['name']</c>.</summary>
    public sealed record Name(string Value) : PathSegment;

    /// <summary><c>[0]</c>, or <c>[-1]</c> counted from the end.</summary>
    public sealed record Index(int Value) : PathSegment;

    /// <summary><c>.*</c> or <c>[*]</c>: every member or item.</summary>
    public sealed record Wildcard : PathSegment;

    /// <summary><c>[0,2]</c> or <c>['a','b']</c>.</summary>
    public sealed record Union(IReadOnlyList<PathSegment> Parts) : PathSegment;

    /// <summary><c>[start:end:step]</c>, each part optional.</summary>
    public sealed record Slice(int? Start, int? End, int Step) : PathSegment;

    /// <summary><c>..name</c> or <c>..*</c>: the target applied to the node and every descendant.</summary>
    public sealed record DeepScan(PathSegment Target) : PathSegment;

    /// <summary><c>[?(expression)]</c>: the items (or the node itself) the expression holds for.</summary>
    public sealed record Filter(FilterExpression Expression) : PathSegment;
}
