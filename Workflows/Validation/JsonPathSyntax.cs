using System.Text.RegularExpressions;

namespace Pipeline.Workflows;

/// <summary>
/// Syntax of the JSONPath forms ASL uses. A Path may use wildcards, recursive descent, unions, slices and
/// filters; a reference path only names one node (<c>.name</c>, <c>['name']</c>, <c>[0]</c>).
/// Each check returns null when the text is valid, otherwise the reason.
/// </summary>
internal static partial class JsonPathSyntax
{
    public static string? CheckPath(string text) => Check(text, reference: false, allowContext: true);

    public static string? CheckReferencePath(string text, bool allowContext) => Check(text, reference: true, allowContext);

    private static string? Check(string text, bool reference, bool allowContext)
    {
        if (!text.StartsWith('$'))
            return "a path must start with '$'";
        var position = 1;
        if (text.Length > 1 && text[1] == '$')
        {
            if (!allowContext)
                return "the context object ($$) cannot be used here";
            position = 2;
        }

        while (position < text.Length)
        {
            var error = text[position] switch
            {
                '.' => ReadDotSegment(text, ref position, reference),
                '[' => ReadBracketSegment(text, ref position, reference),
                var other => $"unexpected '{other}' at position {position}",
            };
            if (error is not null)
                return error;
        }

        return null;
    }

    private static string? ReadDotSegment(string text, ref int position, bool reference)
    {
        position++;
        if (position < text.Length && text[position] == '.')
        {
            if (reference)
                return "a reference path cannot use recursive descent ('..')";
            position++;
        }

        if (position < text.Length && text[position] == '*')
        {
            if (reference)
                return "a reference path cannot use the wildcard '*'";
            position++;
            return null;
        }

        var start = position;
        while (position < text.Length && IsNameCharacter(text[position]))
            position++;
        return position > start ? null : $"expected a field name at position {start}";
    }

    private static string? ReadBracketSegment(string text, ref int position, bool reference)
    {
        var close = FindClosingBracket(text, position);
        if (close < 0)
            return $"the '[' at position {position} is never closed";
        var body = text[(position + 1)..close].Trim();
        position = close + 1;

        if (QuotedName().IsMatch(body))
            return null;
        if (Index().IsMatch(body))
            return reference && body.StartsWith('-') ? "a reference path cannot use a negative index" : null;
        if (reference)
            return $"a reference path can only select one field or index, not '[{body}]'";
        if (body == "*" || QuotedNameList().IsMatch(body) || IndexList().IsMatch(body) || Slice().IsMatch(body))
            return null;
        return body.StartsWith("?(", StringComparison.Ordinal) && body.EndsWith(')') ? null : $"'[{body}]' is not a valid selector";
    }

    /// <summary>Finds the ']' that closes the '[' at <paramref name="open"/>, skipping quoted text and nested brackets.</summary>
    private static int FindClosingBracket(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var index = open; index < text.Length; index++)
        {
            var character = text[index];
            if (quote is not null)
            {
                if (character == '\\')
                    index++;
                else if (character == quote)
                    quote = null;
            }
            else if (character is '\'' or '"')
            {
                quote = character;
            }
            else if (character == '[')
            {
                depth++;
            }
            else if (character == ']' && --depth == 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static bool IsNameCharacter(char character) =>
        !char.IsWhiteSpace(character) && character is not ('.' or '[' or ']' or '\'' or '"' or '(' or ')' or ',' or '*' or '?' or '@' or '$' or '{' or '}');

    [GeneratedRegex(@"^('([^'\\]|\\.)*'|""([^""\\]|\\.)*"")$")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^('([^'\\]|\\.)*'|""([^""\\]|\\.)*"")(\s*,\s*('([^'\\]|\\.)*'|""([^""\\]|\\.)*""))+$")]
    private static partial Regex QuotedNameList();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Index();

    [GeneratedRegex(@"^-?\d+(\s*,\s*-?\d+)+$")]
    private static partial Regex IndexList();

    [GeneratedRegex(@"^(-?\d+)?:(-?\d+)?(:(-?\d+)?)?$")]
    private static partial Regex Slice();
}
