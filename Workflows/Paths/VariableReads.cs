namespace Pipeline.Workflows.Paths;

/// <summary>The workflow variables an expression reads: each <c>$name</c> path, in intrinsic arguments and filters too.</summary>
public static class VariableReads
{
    public static IEnumerable<string> Of(AslExpression expression) => Names(expression).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Names(AslExpression expression) => expression switch
    {
        PathExpression path => Path(path),
        IntrinsicCall call => call.Arguments.SelectMany(Argument),
        _ => [],
    };

    private static IEnumerable<string> Path(PathExpression path) =>
        (path is { Root: PathRoot.Variable, Variable: { } name } ? [name] : Enumerable.Empty<string>())
            .Concat(path.Segments.SelectMany(Segment));

    private static IEnumerable<string> Segment(PathSegment segment) => segment switch
    {
        PathSegment.Filter filter => Filter(filter.Expression),
        PathSegment.Union union => union.Parts.SelectMany(Segment),
        PathSegment.DeepScan scan => Segment(scan.Target),
        _ => [],
    };

    private static IEnumerable<string> Filter(FilterExpression filter) => filter switch
    {
        FilterExpression.Exists exists => Path(exists.Path),
        FilterExpression.Comparison comparison => Operand(comparison.Left).Concat(Operand(comparison.Right)),
        FilterExpression.And and => Filter(and.Left).Concat(Filter(and.Right)),
        FilterExpression.Or or => Filter(or.Left).Concat(Filter(or.Right)),
        FilterExpression.Not not => Filter(not.Operand),
        _ => [],
    };

    private static IEnumerable<string> Operand(FilterOperand operand) =>
        operand is FilterOperand.Path path ? Path(path.Expression) : [];

    private static IEnumerable<string> Argument(IntrinsicArgument argument) => argument switch
    {
        IntrinsicArgument.Path path => Path(path.Expression),
        IntrinsicArgument.Call call => Names(call.Expression),
        _ => [],
    };
}
