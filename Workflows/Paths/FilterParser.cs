using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Paths;

/// <summary>
/// Reads the body of a filter <c>[?( ... )]</c> into a <see cref="FilterExpression"/>:
/// <c>or := and ('||' and)*</c>, <c>and := unary ('&amp;&amp;' unary)*</c>, <c>unary := '!' unary | '(' or ')' | operand (operator operand)?</c>.
/// </summary>
internal sealed class FilterParser
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "=~", "<", ">"];

    private readonly string text;
    private readonly int end;
    private int position;

    private FilterParser(string text, int start, int end)
    {
        this.text = text;
        this.end = end;
        position = start;
    }

    /// <summary>Parses <c>text[start..end]</c>, the part between <c>?(</c> and its closing <c>)</c>.</summary>
    public static FilterExpression Parse(string text, int start, int end)
    {
        var parser = new FilterParser(text, start, end);
        var expression = parser.ReadOr();
        parser.SkipSpaces();
        return parser.position == end ? expression : throw parser.Fail($"unexpected '{text[parser.position]}'");
    }

    private FilterExpression ReadOr()
    {
        var left = ReadAnd();
        while (Skip("||"))
            left = new FilterExpression.Or(left, ReadAnd());
        return left;
    }

    private FilterExpression ReadAnd()
    {
        var left = ReadUnary();
        while (Skip("&&"))
            left = new FilterExpression.And(left, ReadUnary());
        return left;
    }

    private FilterExpression ReadUnary()
    {
        SkipSpaces();
        if (Peek("!") && !Peek("!="))
        {
            position++;
            return new FilterExpression.Not(ReadUnary());
        }

        if (Skip("("))
        {
            var inner = ReadOr();
            return Skip(")") ? inner : throw Fail("expected ')'");
        }

        var left = ReadOperand();
        SkipSpaces();
        var op = Operators.FirstOrDefault(Peek);
        if (op is null)
        {
            return left is FilterOperand.Path path
                ? new FilterExpression.Exists(path.Expression)
                : throw Fail("a literal alone is not a condition");
        }

        position += op.Length;
        SkipSpaces();
        var right = op == "=~" ? ReadPattern() : ReadOperand();
        return new FilterExpression.Comparison(left, op, right);
    }

    private FilterOperand ReadOperand()
    {
        SkipSpaces();
        if (position >= end)
            throw Fail("an operand is missing");
        var character = text[position];
        if (character is '@' or '$')
        {
            var (path, after) = PathParser.ReadFilterPath(text[..end], position);
            position = after;
            return new FilterOperand.Path(path);
        }

        if (character is '\'' or '"')
            return new FilterOperand.Literal(JsonValue.Create(PathParser.Unquote(ReadQuoted(character))));

        var start = position;
        while (position < end && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
            position++;
        var token = text[start..position];
        return token switch
        {
            "true" => new FilterOperand.Literal(JsonValue.Create(true)),
            "false" => new FilterOperand.Literal(JsonValue.Create(false)),
            "null" => new FilterOperand.Literal(null),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new FilterOperand.Literal(JsonValue.Create(number)),
            _ => throw Fail($"'{(token.Length > 0 ? token : text[position].ToString())}' is not a path, string, number, boolean or null"),
        };
    }

    private string ReadQuoted(char quote)
    {
        var start = position++;
        while (position < end && text[position] != quote)
            position += text[position] == '\\' ? 2 : 1;
        if (position >= end)
            throw Fail("a string is never closed");
        position++;
        return text[start..position];
    }

    /// <summary>A regular expression literal, <c>/pattern/flags</c>, as Jayway reads on the right of <c>=~</c>.</summary>
    private FilterOperand.Pattern ReadPattern()
    {
        if (!Peek("/"))
            throw Fail("'=~' takes a regular expression such as /^a.*/i");
        var start = ++position;
        while (position < end && text[position] != '/')
            position += text[position] == '\\' ? 2 : 1;
        if (position >= end)
            throw Fail("the regular expression is never closed");
        var source = text[start..position];
        var flagsStart = ++position;
        while (position < end && char.IsAsciiLetter(text[position]))
            position++;
        return new FilterOperand.Pattern(source, text[flagsStart..position]);
    }

    private bool Skip(string token)
    {
        SkipSpaces();
        if (!Peek(token))
            return false;
        position += token.Length;
        return true;
    }

    private bool Peek(string token) => position + token.Length <= end && string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private void SkipSpaces()
    {
        while (position < end && char.IsWhiteSpace(text[position]))
            position++;
    }

    private PathSyntaxException Fail(string reason) => new($"the filter is invalid at position {position}: {reason}");
}
