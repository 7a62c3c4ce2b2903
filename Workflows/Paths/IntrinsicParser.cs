using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Paths;

/// <summary>
/// The one parser of intrinsic function calls: known function names and their arity, balanced parentheses, string
/// literals with their escapes (<c>\' \{ \} \\</c>), numbers, true, false, null, paths and nested calls as arguments.
/// <c>States.Format</c> takes a template with one value argument per <c>{}</c> placeholder, counted here when the
/// template is a string literal; Step Functions also takes a path or a call as the template (LocalStack's AWS snapshot
/// of MAP_STATE_REFERENCE_IN_ITEMS_PATH formats with <c>States.Format($.AnswerTemplate, $$.Map.Item.Value)</c>), whose
/// placeholders are counted when it runs.
/// </summary>
public sealed class IntrinsicParser
{
    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["States.Format"] = (1, int.MaxValue),
        ["States.StringToJson"] = (1, 1),
        ["States.JsonToString"] = (1, 1),
        ["States.Array"] = (0, int.MaxValue),
        ["States.ArrayPartition"] = (2, 2),
        ["States.ArrayContains"] = (2, 2),
        ["States.ArrayRange"] = (3, 3),
        ["States.ArrayGetItem"] = (2, 2),
        ["States.ArrayLength"] = (1, 1),
        ["States.ArrayUnique"] = (1, 1),
        ["States.Base64Encode"] = (1, 1),
        ["States.Base64Decode"] = (1, 1),
        ["States.Hash"] = (2, 2),
        ["States.JsonMerge"] = (3, 3),
        ["States.MathRandom"] = (2, 3),
        ["States.MathAdd"] = (2, 2),
        ["States.StringSplit"] = (2, 2),
        ["States.UUID"] = (0, 0),
    };

    private readonly string text;
    private int position;

    private IntrinsicParser(string text)
    {
        this.text = text;
    }

    /// <summary>Parses one whole call; a malformed one throws <see cref="PathSyntaxException"/> with the reason.</summary>
    public static IntrinsicCall Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new IntrinsicParser(text);
        var call = parser.ReadCall();
        return parser.position == text.Length ? call : throw new PathSyntaxException($"unexpected '{text[parser.position..]}' after the call");
    }

    private IntrinsicCall ReadCall()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'))
            position++;
        var name = text[start..position];
        if (!Arity.TryGetValue(name, out var arity))
            throw new PathSyntaxException($"unknown intrinsic function '{name}'");
        if (position >= text.Length || text[position] != '(')
            throw new PathSyntaxException($"expected '(' after {name}");
        position++;

        var arguments = new List<IntrinsicArgument>();
        SkipSpaces();
        if (position < text.Length && text[position] == ')')
        {
            position++;
        }
        else
        {
            while (true)
            {
                SkipSpaces();
                arguments.Add(ReadArgument());
                SkipSpaces();
                if (position >= text.Length)
                    throw new PathSyntaxException($"unbalanced parentheses: {name}( is never closed");
                if (text[position] == ')')
                {
                    position++;
                    break;
                }

                if (text[position] != ',')
                    throw new PathSyntaxException($"expected ',' or ')' in {name} at position {position}");
                position++;
            }
        }

        CheckArguments(name, arity, arguments);
        return new IntrinsicCall { Text = text[start..position], Name = name, Arguments = arguments };
    }

    private static void CheckArguments(string name, (int Min, int Max) arity, List<IntrinsicArgument> arguments)
    {
        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            var expected = arity.Min == arity.Max ? $"{arity.Min}" : arity.Max == int.MaxValue ? $"at least {arity.Min}" : $"{arity.Min} to {arity.Max}";
            throw new PathSyntaxException($"{name} takes {expected} argument(s), not {arguments.Count}");
        }

        if (name != "States.Format")
            return;
        if (arguments[0] is IntrinsicArgument.Literal)
            throw new PathSyntaxException("States.Format needs a string literal, a path or a call as its template");
        if (arguments[0] is not IntrinsicArgument.Text template)
            return;
        var placeholders = CountPlaceholders(template.Raw);
        if (placeholders != arguments.Count - 1)
            throw new PathSyntaxException($"States.Format has {placeholders} placeholder(s) but {arguments.Count - 1} value argument(s)");
    }

    private IntrinsicArgument ReadArgument()
    {
        if (position >= text.Length)
            throw new PathSyntaxException("unbalanced parentheses: an argument is missing");
        var start = position;
        switch (text[position])
        {
            case '\'':
                return ReadString();
            case '$':
                position = EndOfPath(position);
                var path = text[start..position].TrimEnd();
                try
                {
                    return new IntrinsicArgument.Path(PathParser.Path(path));
                }
                catch (PathSyntaxException ex)
                {
                    throw new PathSyntaxException($"argument '{path}': {ex.Message}");
                }

            case 'S':
                return new IntrinsicArgument.Call(ReadCall());
            default:
                while (position < text.Length && text[position] is not (',' or ')'))
                    position++;
                var token = text[start..position].TrimEnd();
                return Scalar(token) is { } literal
                    ? literal
                    : throw new PathSyntaxException($"'{token}' is not a string, number, boolean, null, path or intrinsic function");
        }
    }

    private IntrinsicArgument.Text ReadString()
    {
        var start = ++position;
        var value = new StringBuilder();
        while (position < text.Length && text[position] != '\'')
        {
            if (text[position] == '\\')
            {
                if (position + 1 >= text.Length || text[position + 1] is not ('\'' or '{' or '}' or '\\'))
                    throw new PathSyntaxException($"invalid escape in string literal at position {position}: only \\' \\{{ \\}} \\\\ are allowed");
                position++;
            }

            value.Append(text[position]);
            position++;
        }

        if (position >= text.Length)
            throw new PathSyntaxException("unterminated string literal");
        var raw = text[start..position];
        position++;
        return new IntrinsicArgument.Text(value.ToString(), raw);
    }

    private int EndOfPath(int from)
    {
        var depth = 0;
        foreach (var (index, character) in UnquotedText.From(text, from))
        {
            if (character is '[' or '(')
                depth++;
            else if (character is ']' || (character is ')' && depth > 0))
                depth--;
            else if (depth == 0 && character is ',' or ')')
                return index;
        }

        return text.Length;
    }

    private static int CountPlaceholders(string template)
    {
        var count = 0;
        for (var index = 0; index < template.Length - 1; index++)
        {
            if (template[index] == '\\')
                index++;
            else if (template[index] == '{' && template[index + 1] == '}')
                count++;
        }

        return count;
    }

    /// <summary>true, false, null or a number (a whole number as an integer); null when the token is none of them.</summary>
    private static IntrinsicArgument.Literal? Scalar(string token) => token switch
    {
        "true" => new IntrinsicArgument.Literal(JsonValue.Create(true)),
        "false" => new IntrinsicArgument.Literal(JsonValue.Create(false)),
        "null" => new IntrinsicArgument.Literal(null),
        _ when decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) =>
            new IntrinsicArgument.Literal(number == decimal.Truncate(number) && Math.Abs(number) < long.MaxValue ? JsonValue.Create((long)number) : JsonValue.Create((double)number)),
        _ => null,
    };

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
            position++;
    }
}
