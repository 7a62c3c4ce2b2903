namespace Pipeline.Workflows;

/// <summary>
/// Syntax of intrinsic function calls: known function names, arity, balanced parentheses, string literals
/// with their escapes (<c>\' \{ \} \\</c>), and paths and nested calls as arguments.
/// <c>States.Format</c> must have one argument per <c>{}</c> placeholder of its template.
/// </summary>
internal static class IntrinsicSyntax
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

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Returns null when <paramref name="text"/> is one well-formed call, otherwise the reason.</summary>
    public static string? Check(string text)
    {
        var position = 0;
        var error = ReadCall(text, ref position);
        if (error is null && position < text.Length)
            error = $"unexpected '{text[position..]}' after the call";
        return error;
    }

    private static string? ReadCall(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'))
            position++;
        var name = text[start..position];
        if (!Arity.TryGetValue(name, out var arity))
            return $"unknown intrinsic function '{name}'";
        if (position >= text.Length || text[position] != '(')
            return $"expected '(' after {name}";
        position++;

        var arguments = new List<Argument>();
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == ')')
        {
            position++;
        }
        else
        {
            while (true)
            {
                SkipSpaces(text, ref position);
                var (argument, error) = ReadArgument(text, ref position);
                if (error is not null)
                    return error;
                arguments.Add(argument);
                SkipSpaces(text, ref position);
                if (position >= text.Length)
                    return $"unbalanced parentheses: {name}( is never closed";
                if (text[position] == ')')
                {
                    position++;
                    break;
                }

                if (text[position] != ',')
                    return $"expected ',' or ')' in {name} at position {position}";
                position++;
            }
        }

        return CheckArguments(name, arity, arguments);
    }

    private static string? CheckArguments(string name, (int Min, int Max) arity, List<Argument> arguments)
    {
        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            var expected = arity.Min == arity.Max ? $"{arity.Min}" : arity.Max == int.MaxValue ? $"at least {arity.Min}" : $"{arity.Min} to {arity.Max}";
            return $"{name} takes {expected} argument(s), not {arguments.Count}";
        }

        if (name != "States.Format")
            return null;
        if (arguments[0].Literal is not { } template)
            return "States.Format needs a string literal template as its first argument";
        var placeholders = CountPlaceholders(template);
        return placeholders == arguments.Count - 1
            ? null
            : $"States.Format has {placeholders} placeholder(s) but {arguments.Count - 1} value argument(s)";
    }

    private static (Argument Argument, string? Error) ReadArgument(string text, ref int position)
    {
        if (position >= text.Length)
            return (default, "unbalanced parentheses: an argument is missing");
        var start = position;
        switch (text[position])
        {
            case '\'':
                return ReadString(text, ref position);
            case '$':
                position = EndOfPath(text, position);
                var path = text[start..position].TrimEnd();
                var pathError = JsonPathSyntax.CheckPath(path);
                return (default, pathError is null ? null : $"argument '{path}': {pathError}");
            case 'S':
                return (default, ReadCall(text, ref position));
            default:
                while (position < text.Length && text[position] is not (',' or ')'))
                    position++;
                var token = text[start..position].TrimEnd();
                return (default, IsScalar(token) ? null : $"'{token}' is not a string, number, boolean, null, path or intrinsic function");
        }
    }

    private static (Argument Argument, string? Error) ReadString(string text, ref int position)
    {
        var start = ++position;
        while (position < text.Length && text[position] != '\'')
        {
            if (text[position] == '\\')
            {
                if (position + 1 >= text.Length || text[position + 1] is not ('\'' or '{' or '}' or '\\'))
                    return (default, $"invalid escape in string literal at position {position}: only \\' \\{{ \\}} \\\\ are allowed");
                position++;
            }

            position++;
        }

        if (position >= text.Length)
            return (default, "unterminated string literal");
        var literal = text[start..position];
        position++;
        return (new Argument(literal), null);
    }

    private static int EndOfPath(string text, int position)
    {
        var depth = 0;
        char? quote = null;
        for (; position < text.Length; position++)
        {
            var character = text[position];
            if (quote is not null)
            {
                if (character == '\\')
                    position++;
                else if (character == quote)
                    quote = null;
            }
            else if (character is '\'' or '"')
            {
                quote = character;
            }
            else if (character is '[' or '(')
            {
                depth++;
            }
            else if (character is ']' || (character is ')' && depth > 0))
            {
                depth--;
            }
            else if (depth == 0 && character is ',' or ')')
            {
                return position;
            }
        }

        return position;
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

    private static bool IsScalar(string token) =>
        token is "true" or "false" or "null"
        || decimal.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
            position++;
    }

    /// <summary>A parsed argument; <see cref="Literal"/> is set for string literals.</summary>
    private readonly record struct Argument(string? Literal);
}
