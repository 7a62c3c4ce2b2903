using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Paths;

/// <summary>An intrinsic function call such as <c>States.Format('{} items', States.ArrayLength($.items))</c>.</summary>
public sealed record IntrinsicCall : AslExpression
{
    public required string Name { get; init; }

    public required IReadOnlyList<IntrinsicArgument> Arguments { get; init; }
}

/// <summary>An argument of an intrinsic function call.</summary>
public abstract record IntrinsicArgument
{
    /// <summary>A string in single quotes: <see cref="Value"/> unescaped, <see cref="Raw"/> as written (States.Format reads its escapes).</summary>
    public sealed record Text(string Value, string Raw) : IntrinsicArgument;

    /// <summary>A number, true, false or null; the value is shared, so readers copy it.</summary>
    public sealed record Literal(JsonNode? Value) : IntrinsicArgument;

    public sealed record Path(PathExpression Expression) : IntrinsicArgument;

    public sealed record Call(IntrinsicCall Expression) : IntrinsicArgument;
}
