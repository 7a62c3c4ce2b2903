using Pipeline.Workflows.Paths;

namespace Pipeline.Workflows.Validation;

/// <summary>
/// The syntax checks of ASL's paths and expressions, for any reader of ASL: the validator, and the local engine when it
/// loads a definition, so both refuse the same paths at the same moment CreateStateMachine would. Each check parses
/// with the one parser of <see cref="Paths"/> and returns null when the text is valid, otherwise the reason.
/// </summary>
public static class AslSyntax
{
    /// <summary>A Path (InputPath, OutputPath, a Choice rule's Variable): wildcards and filters allowed, <c>$$</c> and variables too.</summary>
    public static string? Path(string text) => Reason(() => PathParser.Path(text));

    /// <summary>
    /// A reference path: ItemsPath, SecondsPath and the like may read the context object and variables
    /// (<paramref name="allowContext"/>); ResultPath reads neither.
    /// </summary>
    public static string? ReferencePath(string text, bool allowContext) =>
        Reason(() => allowContext ? PathParser.ReferencePath(text) : PathParser.ResultPath(text));

    /// <summary>The value of a <c>.$</c> field, or of ErrorPath and CausePath: a path or an intrinsic function call.</summary>
    public static string? Expression(string text) => Reason(() => AslExpression.Parse(text));

    private static string? Reason(Func<object> parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (PathSyntaxException ex)
        {
            return ex.Message;
        }
    }
}
