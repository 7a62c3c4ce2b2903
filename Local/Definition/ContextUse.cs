using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Local.Definition;

/// <summary>
/// How much of the context object (<c>$$</c>) a state can read, found once when the definition loads: building it for
/// every state and Map item, with a copy of the execution's input, is most of what a state of a large Map costs.
/// </summary>
public enum ContextUse
{
    /// <summary>No <c>$$</c> anywhere in the state.</summary>
    None,

    /// <summary><c>$$</c> paths that cannot reach <c>$$.Execution.Input</c>.</summary>
    WithoutExecutionInput,

    /// <summary>A path that may read the execution's input: <c>$$.Execution.Input</c>, or <c>$$</c> or <c>$$.Execution</c> as a whole, or a wildcard.</summary>
    Full,
}

internal static partial class ContextUses
{
    public static ContextUse Of(JsonObject state)
    {
        var text = state.ToJsonString();
        return !text.Contains("$$", StringComparison.Ordinal) ? ContextUse.None
            : WholeOrInput().IsMatch(text) ? ContextUse.Full
            : ContextUse.WithoutExecutionInput;
    }

    /// <summary>Whether a JSONata template can read <c>$states.input</c> (or <c>$states</c> as a whole).</summary>
    public static bool ReadsStatesInput(JsonNode? template) =>
        template?.ToJsonString() is { } text && StatesInput().IsMatch(text);

    [GeneratedRegex(@"\$states(?!\.(context|result|errorOutput)\b)")]
    private static partial Regex StatesInput();

    /// <summary>The same for a JSONata state, which reads the context object as <c>$states.context</c>.</summary>
    public static ContextUse OfJsonata(JsonObject state)
    {
        var text = state.ToJsonString();
        return !text.Contains("$states", StringComparison.Ordinal) ? ContextUse.None
            : JsonataWholeOrInput().IsMatch(text) ? ContextUse.Full
            : !text.Contains("$states.context", StringComparison.Ordinal) ? ContextUse.None
            : ContextUse.WithoutExecutionInput;
    }

    /// <summary>$states or $states.context or $states.context.Execution as a whole, $states.context.Execution.Input, or a wildcard after them.</summary>
    [GeneratedRegex(@"\$states(\.context(\.Execution)?)?(?![.\w\[])|\$states\.context\.Execution\.Input|\$states(\.context(\.Execution)?)?(\[|\.\*)")]
    private static partial Regex JsonataWholeOrInput();

    /// <summary>$$ or $$.Execution not followed by a named member, $$.Execution.Input, or any bracket, wildcard or deep scan after $$.</summary>
    [GeneratedRegex(@"\$\$(\.Execution)?(?![.\w\[])|\$\$\.Execution\.Input|\$\$(\.Execution)?(\[|\.\.|\.\*)")]
    private static partial Regex WholeOrInput();
}
