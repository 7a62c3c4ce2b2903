using ErrorNames = Pipeline.Workflows.ErrorNames;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Local.Engine;

namespace Pipeline.Local.Paths;

/// <summary>Recursive-descent parser for the JSONPath subset described on <see cref="JsonPath"/>.</summary>
internal sealed class PathParser
{
    private readonly string text;
    private readonly char root;
    private int position;

    public PathParser(string text, char root)
    {
        this.text = text;
        this.root = root;
    }

    public List<PathSegment> ParseSegments()
    {
        if (text.Length == 0 || text[0] != root)
        {
            throw Fail($"must start with '{root}'");
        }

        position = 1;
        var segments = new List<PathSegment>();
        while (position < text.Length)
        {
            segments.Add(ParseSegment());
        }

        return segments;
    }

    private PathSegment ParseSegment()
    {
        if (Peek(".."))
        {
            position += 2;
            if (Peek("["))
            {
                return new PathSegment.DeepScan(ParseBracket());
            }

            return new PathSegment.DeepScan(ParseDotName());
        }

        if (Peek("."))
        {
            position++;
            return ParseDotName();
        }

        if (Peek("["))
        {
            return ParseBracket();
        }

        throw Fail($"unexpected '{text[position]}' at position {position}");
    }

    private PathSegment ParseDotName()
    {
        if (Peek("*"))
        {
            position++;
            return new PathSegment.Wildcard();
        }

        var start = position;
        while (position < text.Length && text[position] is not ('.' or '[') && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position == start)
        {
            throw Fail($"expected a field name at position {start}");
        }

        var name = text[start..position];
        if (name.EndsWith("()", StringComparison.Ordinal))
        {
            throw Fail($"functions such as '{name}' are not supported");
        }

        return new PathSegment.Name(name);
    }

    private PathSegment ParseBracket()
    {
        position++;
        SkipSpaces();
        PathSegment segment;
        if (Peek("*"))
        {
            position++;
            segment = new PathSegment.Wildcard();
        }
        else if (Peek("?("))
        {
            position += 2;
            segment = ParseFilter();
        }
        else if (Peek("'") || Peek("\""))
        {
            var names = new List<PathSegment> { new PathSegment.Name(ParseQuoted()) };
            while (SkipSpaces() && Peek(","))
            {
                position++;
                SkipSpaces();
                names.Add(new PathSegment.Name(ParseQuoted()));
            }

            segment = names.Count == 1 ? names[0] : new PathSegment.Union(names);
        }
        else
        {
            segment = ParseIndexes();
        }

        SkipSpaces();
        Expect("]");
        return segment;
    }

    private PathSegment ParseIndexes()
    {
        var first = ParseOptionalInt();
        SkipSpaces();
        if (Peek(":"))
        {
            position++;
            var end = ParseOptionalInt();
            var step = 1;
            if (Peek(":"))
            {
                position++;
                step = ParseOptionalInt() ?? 1;
            }

            return step > 0 ? new PathSegment.Slice(first, end, step) : throw Fail("slice steps must be positive");
        }

        if (first is null)
        {
            throw Fail($"expected an index, a quoted name, '*' or a filter at position {position}");
        }

        var indexes = new List<PathSegment> { new PathSegment.Index(first.Value) };
        while (Peek(","))
        {
            position++;
            SkipSpaces();
            indexes.Add(new PathSegment.Index(ParseOptionalInt() ?? throw Fail("expected an index after ','")));
            SkipSpaces();
        }

        return indexes.Count == 1 ? indexes[0] : new PathSegment.Union(indexes);
    }

    private PathSegment.Filter ParseFilter()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && text[position] is not (' ' or '=' or '!' or '<' or '>' or ')'))
        {
            position++;
        }

        var relative = new PathParser(text[start..position], '@').ParseSegments();
        SkipSpaces();
        string? op = null;
        JsonNode? literal = null;
        foreach (var candidate in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (Peek(candidate))
            {
                op = candidate;
                position += candidate.Length;
                SkipSpaces();
                literal = ParseLiteral();
                SkipSpaces();
                break;
            }
        }

        Expect(")");
        return new PathSegment.Filter(relative, op, literal);
    }

    private JsonNode? ParseLiteral()
    {
        if (Peek("'") || Peek("\""))
        {
            return JsonValue.Create(ParseQuoted());
        }

        var start = position;
        while (position < text.Length && text[position] is not (')' or ' '))
        {
            position++;
        }

        var token = text[start..position];
        return token switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => throw Fail($"unsupported filter operand '{token}' (only literals; '&&', '||' and regexes are not supported)"),
        };
    }

    private string ParseQuoted()
    {
        var quote = text[position++];
        var builder = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            builder.Append(text[position++]);
        }

        Expect(quote.ToString());
        return builder.ToString();
    }

    private int? ParseOptionalInt()
    {
        var start = position;
        if (Peek("-"))
        {
            position++;
        }

        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        return position > start ? int.Parse(text[start..position], CultureInfo.InvariantCulture) : null;
    }

    private bool SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        return true;
    }

    private bool Peek(string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private void Expect(string token)
    {
        if (!Peek(token))
        {
            throw Fail($"expected '{token}' at position {position}");
        }

        position += token.Length;
    }

    private StatesErrorException Fail(string reason) =>
        new(ErrorNames.Runtime, $"Invalid JSONPath '{text}': {reason}.");
}
