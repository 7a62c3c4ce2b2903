using System.Text.RegularExpressions;

namespace Pipeline.Workflows;

/// <summary>
/// The variables a JSONPath path or intrinsic function call references (<c>$name</c>, <c>$name.field</c>,
/// <c>States.Format('{}', $name)</c>). The one seam between the variable rules and the JSONPath grammar: when the shared
/// path parser reads <c>$variable</c> paths, this reads its answer instead of scanning the text.
/// </summary>
internal static partial class JsonPathVariables
{
    public static IEnumerable<string> In(string text) =>
        Reference().Matches(QuotedLiteral().Replace(text, "''")).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal);

    /// <summary>A <c>$</c> not preceded by a name character or another <c>$</c>, and followed by a name (so <c>$.x</c> and <c>$$.x</c> are not variables).</summary>
    [GeneratedRegex(@"(?<![\w$])\$([\p{L}_][\p{L}\p{Nd}_]*)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"'(?:\\.|[^'\\])*'")]
    private static partial Regex QuotedLiteral();
}
