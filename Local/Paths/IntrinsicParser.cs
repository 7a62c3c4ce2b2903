using ErrorNames = Pipeline.Workflows.ErrorNames;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Local.Engine;

namespace Pipeline.Local.Paths;

/// <summary>Parses an intrinsic function call such as <c>States.Format('{} items', States.ArrayLength($.items))</c>.</summary>
internal sealed class IntrinsicParser
{
    private readonly string text;
    private int position;

    public IntrinsicParser(string text)
    {
        this.text = text;
    }

    public Call ParseCall()
    {
        SkipSpaces();
        var call = ParseFunction();
        SkipSpaces();
        return position == text.Length ? call : throw Fail($"unexpected text after the call at position {position}");
    }

    private Call ParseFunction()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        var name = text[start..position];
        if (!name.StartsWith("States.", StringComparison.Ordinal))
        {
            throw Fail($"expected a path or a States.* function at position {start}");
        }

        SkipSpaces();
        Expect('(');
        var arguments = new List<Node>();
        SkipSpaces();
        if (!Peek(')'))
        {
            arguments.Add(ParseArgument());
            SkipSpaces();
            while (Peek(','))
            {
                position++;
                SkipSpaces();
                arguments.Add(ParseArgument());
                SkipSpaces();
            }
        }

        Expect(')');
        return new Call(name, arguments);
    }

    private Node ParseArgument()
    {
        if (Peek('\''))
        {
            return ParseString();
        }

        if (Peek('$'))
        {
            return ParsePath();
        }

        if (string.CompareOrdinal(text, position, "States.", 0, 7) == 0)
        {
            return ParseFunction();
        }

        var start = position;
        while (position < text.Length && text[position] is not (',' or ')' or ' '))
        {
            position++;
        }

        var token = text[start..position];
        return token switch
        {
            "true" => new Literal(JsonValue.Create(true)),
            "false" => new Literal(JsonValue.Create(false)),
            "null" => new Literal(null),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new Literal(
                number == Math.Floor(number) && Math.Abs(number) < long.MaxValue ? JsonValue.Create((long)number) : JsonValue.Create(number)),
            _ => throw Fail($"unexpected argument '{token}'"),
        };
    }

    private StringLiteral ParseString()
    {
        position++;
        var raw = new StringBuilder();
        var value = new StringBuilder();
        while (position < text.Length && text[position] != '\'')
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                raw.Append(text[position]);
                position++;
            }

            raw.Append(text[position]);
            value.Append(text[position]);
            position++;
        }

        Expect('\'');
        return new StringLiteral(value.ToString(), raw.ToString());
    }

    private PathReference ParsePath()
    {
        var start = position;
        var depth = 0;
        char? quote = null;
        while (position < text.Length)
        {
            var c = text[position];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[' || c == '(')
            {
                depth++;
            }
            else if (c == ']' || (c == ')' && depth > 0))
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')'))
            {
                break;
            }

            position++;
        }

        return new PathReference(text[start..position].TrimEnd());
    }

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private bool Peek(char c) => position < text.Length && text[position] == c;

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Fail($"expected '{c}' at position {position}");
        }

        position++;
    }

    private StatesErrorException Fail(string reason) =>
        new(ErrorNames.Runtime, $"Invalid intrinsic function call '{text}': {reason}.");

    internal abstract record Node;

    internal sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node;

    internal sealed record PathReference(string Text) : Node;

    /// <summary>A quoted string: <see cref="Value"/> unescaped, <see cref="Raw"/> as written (States.Format reads the escapes).</summary>
    internal sealed record StringLiteral(string Value, string Raw) : Node;

    internal sealed record Literal(JsonNode? Value) : Node;
}
