namespace Pipeline.Workflows;

/// <summary>
/// The JSONPath and intrinsic function grammar the validator applies, for any reader of ASL: the local engine checks a
/// definition with it when it loads one, so both refuse the same paths at the same moment CreateStateMachine would.
/// Each check returns null when the text is valid, otherwise the reason.
/// </summary>
public static class AslSyntax
{
    /// <summary>A Path (InputPath, OutputPath, a Choice rule's Variable): wildcards and filters allowed, <c>$$</c> too.</summary>
    public static string? Path(string text) => JsonPathSyntax.CheckPath(text);

    /// <summary>A reference path (ResultPath without the context object; ItemsPath, SecondsPath and the like with it).</summary>
    public static string? ReferencePath(string text, bool allowContext) => JsonPathSyntax.CheckReferencePath(text, allowContext);

    /// <summary>The value of a <c>.$</c> field, or of ErrorPath and CausePath: a path or an intrinsic function call.</summary>
    public static string? Expression(string text) => ExpressionSyntax.Check(text);
}
