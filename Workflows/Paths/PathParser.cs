using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Paths;

/// <summary>
/// The one JSONPath parser, for the validator and the engine. A Path (InputPath, OutputPath, a Choice rule's Variable,
/// a <c>.$</c> value) may use wildcards, recursive descent, unions, slices and filters, and read the input (<c>$</c>), the
/// context object (<c>$$</c>) or a variable (<c>$name</c>). A reference path only names one node (<c>.name</c>,
/// <c>['name']</c>, <c>[0]</c>); a ResultPath is a reference path into the input alone. A malformed path throws
/// <see cref="PathSyntaxException"/> with the reason and, where there is one, the position.
/// </summary>
public sealed partial class PathParser
{
    private readonly string text;
    private readonly PathKind kind;
    private readonly bool inFilter;
    private int position;

    private PathParser(string text, PathKind kind, bool inFilter, int position)
    {
        this.text = text;
        this.kind = kind;
        this.inFilter = inFilter;
        this.position = position;
    }

    private enum PathKind
    {
        Path,
        Reference,
        ResultPath,
    }

    private bool Reference => kind != PathKind.Path;

    public static PathExpression Path(string text) => new PathParser(text, PathKind.Path, inFilter: false, 0).ParseWhole();

    /// <summary>A reference path that may read the context object or a variable (ItemsPath, SecondsPath, a Choice rule's ...Path operand).</summary>
    public static PathExpression ReferencePath(string text) => new PathParser(text, PathKind.Reference, inFilter: false, 0).ParseWhole();

    /// <summary>A reference path into the state's input only (ResultPath).</summary>
    public static PathExpression ResultPath(string text) => new PathParser(text, PathKind.ResultPath, inFilter: false, 0).ParseWhole();

    /// <summary>Reads a path inside a filter, from <paramref name="start"/> (at its <c>@</c> or <c>$</c>) to where its steps end.</summary>
    internal static (PathExpression Path, int End) ReadFilterPath(string text, int start)
    {
        var parser = new PathParser(text, PathKind.Path, inFilter: true, start + 1);
        var root = text[start] == '@' ? PathRoot.Current : PathRoot.Input;
        var segments = new List<PathSegment>();
        while (parser.position < text.Length && text[parser.position] is '.' or '[')
            segments.Add(parser.ReadSegment());
        return (new PathExpression { Text = text[start..parser.position], Root = root, Segments = segments }, parser.position);
    }

    private PathExpression ParseWhole()
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('$'))
            throw new PathSyntaxException("a path must start with '$'");

        position = 1;
        var root = PathRoot.Input;
        string? variable = null;
        if (text.Length > 1 && text[1] == '$')
        {
            if (kind == PathKind.ResultPath)
                throw new PathSyntaxException("the context object ($$) cannot be used here");
            root = PathRoot.Context;
            position = 2;
        }
        else if (text.Length > 1 && IsVariableStart(text[1]))
        {
            if (kind == PathKind.ResultPath)
                throw new PathSyntaxException("a variable cannot be used here");
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
                position++;
            (root, variable) = (PathRoot.Variable, text[1..position]);
        }

        var segments = new List<PathSegment>();
        while (position < text.Length)
        {
            segments.Add(text[position] is '.' or '['
                ? ReadSegment()
                : throw new PathSyntaxException($"unexpected '{text[position]}' at position {position}"));
        }

        return new PathExpression { Text = text, Root = root, Variable = variable, Segments = segments };
    }

    private static bool IsVariableStart(char character) => char.IsLetter(character) || character == '_';

    private PathSegment ReadSegment() => text[position] == '.' ? ReadDotSegment() : ReadBracketSegment();

    private PathSegment ReadDotSegment()
    {
        position++;
        var deep = false;
        if (position < text.Length && text[position] == '.')
        {
            if (Reference)
                throw new PathSyntaxException("a reference path cannot use recursive descent ('..')");
            position++;
            deep = true;
        }

        PathSegment segment;
        if (position < text.Length && text[position] == '*')
        {
            if (Reference)
                throw new PathSyntaxException("a reference path cannot use the wildcard '*'");
            position++;
            segment = new PathSegment.Wildcard();
        }
        else
        {
            var start = position;
            while (position < text.Length && IsNameCharacter(text[position]))
                position++;
            segment = position > start ? new PathSegment.Name(text[start..position]) : throw new PathSyntaxException($"expected a field name at position {start}");
        }

        return deep ? new PathSegment.DeepScan(segment) : segment;
    }

    private PathSegment ReadBracketSegment()
    {
        var open = position;
        var close = FindClosingBracket(text, open);
        if (close < 0)
            throw new PathSyntaxException($"the '[' at position {open} is never closed");
        var body = text[(open + 1)..close].Trim();
        position = close + 1;

        if (QuotedName().IsMatch(body))
            return new PathSegment.Name(Unquote(body));
        if (Index().IsMatch(body))
        {
            return Reference && body.StartsWith('-')
                ? throw new PathSyntaxException("a reference path cannot use a negative index")
                : new PathSegment.Index(Integer(body));
        }

        if (Reference)
            throw new PathSyntaxException($"a reference path can only select one field or index, not '[{body}]'");
        if (body == "*")
            return new PathSegment.Wildcard();
        if (QuotedNameList().IsMatch(body))
            return new PathSegment.Union([.. QuotedNames().Matches(body).Select(match => (PathSegment)new PathSegment.Name(Unquote(match.Value)))]);
        if (IndexList().IsMatch(body))
            return new PathSegment.Union([.. body.Split(',').Select(index => (PathSegment)new PathSegment.Index(Integer(index.Trim())))]);
        if (Slice().Match(body) is { Success: true } slice)
            return ReadSlice(body, slice);
        if (body.StartsWith("?(", StringComparison.Ordinal) && body.EndsWith(')'))
        {
            var start = text.IndexOf("?(", open, StringComparison.Ordinal) + 2;
            var end = text.LastIndexOf(')', close);
            return new PathSegment.Filter(FilterParser.Parse(text, start, end));
        }

        throw new PathSyntaxException($"'[{body}]' is not a valid selector");
    }

    private static PathSegment.Slice ReadSlice(string body, Match slice)
    {
        int? Part(int group) => slice.Groups[group].Success ? Integer(slice.Groups[group].Value) : null;
        var step = Part(4) ?? 1;
        return step != 0 ? new PathSegment.Slice(Part(1), Part(2), step) : throw new PathSyntaxException($"the slice '[{body}]' has a step of 0");
    }

    private static int Integer(string digits) =>
        int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PathSyntaxException($"the index {digits} is too large");

    /// <summary>The text of a quoted name without its quotes, a backslash escaping the character after it.</summary>
    internal static string Unquote(string quoted)
    {
        var builder = new StringBuilder(quoted.Length);
        for (var index = 1; index < quoted.Length - 1; index++)
        {
            if (quoted[index] == '\\')
                index++;
            builder.Append(quoted[index]);
        }

        return builder.ToString();
    }

    /// <summary>Finds the ']' that closes the '[' at <paramref name="open"/>, skipping quoted text and nested brackets.</summary>
    private static int FindClosingBracket(string text, int open)
    {
        var depth = 0;
        foreach (var (index, character) in UnquotedText.From(text, open))
        {
            if (character == '[')
                depth++;
            else if (character == ']' && --depth == 0)
                return index;
        }

        return -1;
    }

    /// <summary>A name in dot notation; inside a filter it also stops at the operators that may follow it without a space.</summary>
    private bool IsNameCharacter(char character) =>
        !char.IsWhiteSpace(character)
        && character is not ('.' or '[' or ']' or '\'' or '"' or '(' or ')' or ',' or '*' or '?' or '@' or '$' or '{' or '}')
        && !(inFilter && character is '=' or '!' or '<' or '>' or '&' or '|');

    [GeneratedRegex(@"^('([^'\\]|\\.)*'|""([^""\\]|\\.)*"")$")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"'([^'\\]|\\.)*'|""([^""\\]|\\.)*""")]
    private static partial Regex QuotedNames();

    [GeneratedRegex(@"^('([^'\\]|\\.)*'|""([^""\\]|\\.)*"")(\s*,\s*('([^'\\]|\\.)*'|""([^""\\]|\\.)*""))+$")]
    private static partial Regex QuotedNameList();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Index();

    [GeneratedRegex(@"^-?\d+(\s*,\s*-?\d+)+$")]
    private static partial Regex IndexList();

    [GeneratedRegex(@"^(-?\d+)?:(-?\d+)?(:(-?\d+)?)?$")]
    private static partial Regex Slice();
}
