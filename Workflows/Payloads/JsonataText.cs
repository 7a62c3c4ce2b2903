namespace Pipeline.Workflows.Payloads;

/// <summary>
/// How a JSONata state's string holds an expression: the whole string is <c>{% expression %}</c> (Step Functions developer
/// guide, "Transforming data with JSONata"); any other string is literal.
/// </summary>
public static class JsonataText
{
    private const string Open = "{%";
    private const string Close = "%}";

    public static string Wrap(string expression) => $"{Open} {expression} {Close}";

    /// <summary>The expression inside <c>{% %}</c>, or null when <paramref name="text"/> is a literal string.</summary>
    public static string? Unwrap(string text) =>
        text.Length >= Open.Length + Close.Length && text.StartsWith(Open, StringComparison.Ordinal) && text.EndsWith(Close, StringComparison.Ordinal)
            ? text[Open.Length..^Close.Length]
            : null;
}
