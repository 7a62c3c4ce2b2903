namespace Pipeline.Workflows.Paths;

/// <summary>
/// The value of a <c>.$</c> field (and of ErrorPath and CausePath): a JSONPath on the input, the context object or a
/// variable, or an intrinsic function call.
/// </summary>
public abstract record AslExpression
{
    public required string Text { get; init; }

    /// <summary>Parses <paramref name="text"/>; a malformed one throws <see cref="PathSyntaxException"/> with the reason.</summary>
    public static AslExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('$'))
        {
            try
            {
                return PathParser.Path(text);
            }
            catch (PathSyntaxException ex)
            {
                throw new PathSyntaxException($"'{text}' is not a valid JSONPath: {ex.Message}");
            }
        }

        if (text.StartsWith("States.", StringComparison.Ordinal))
        {
            try
            {
                return IntrinsicParser.Parse(text);
            }
            catch (PathSyntaxException ex)
            {
                throw new PathSyntaxException($"'{text}' is not a valid intrinsic function call: {ex.Message}");
            }
        }

        throw new PathSyntaxException($"'{text}' is neither a JSONPath (starting with $) nor an intrinsic function (States.*)");
    }
}
