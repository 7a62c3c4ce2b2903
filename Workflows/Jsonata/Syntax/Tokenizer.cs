using System.Globalization;
using System.Text;

namespace Pipeline.Workflows.Jsonata.Syntax;

/// <summary>Splits expression text into tokens on demand; whether a '/' opens a regex depends on the parser's state.</summary>
internal sealed class Tokenizer(string source)
{
    private static readonly HashSet<char> SingleOperators = [.. ".[]{}(),@#;:?+-*/%|=<>^&!~"];
    private static readonly string[] DoubleOperators = ["..", ":=", "!=", ">=", "<=", "**", "~>"];

    private int position;

    public Token Next(bool prefix)
    {
        SkipWhitespaceAndComments();
        if (position >= source.Length)
            return new Token(TokenType.End, null, source.Length);

        var current = source[position];
        if (prefix && current == '/')
            return ReadRegex();

        foreach (var op in DoubleOperators)
        {
            if (string.CompareOrdinal(source, position, op, 0, 2) == 0)
            {
                position += 2;
                return new Token(TokenType.Operator, op, position);
            }
        }

        if (SingleOperators.Contains(current))
        {
            position++;
            return new Token(TokenType.Operator, current.ToString(), position);
        }

        if (current is '"' or '\'')
            return ReadString(current);

        if (char.IsAsciiDigit(current))
            return ReadNumber();

        if (current == '`')
        {
            position++;
            var end = source.IndexOf('`', position);
            if (end < 0)
                throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", position);
            var quoted = source[position..end];
            position = end + 1;
            return new Token(TokenType.Name, quoted, position);
        }

        var start = position;
        var isVariable = current == '$';
        if (isVariable)
        {
            position++;
            if (position < source.Length && source[position] == '$')
                position++;
        }

        while (position < source.Length && IsNameCharacter(source[position]))
            position++;
        var name = source[(isVariable ? start + 1 : start)..position];
        if (isVariable)
            return new Token(TokenType.Variable, name, position);
        return name switch
        {
            "and" or "or" or "in" => new Token(TokenType.Operator, name, position),
            "true" => new Token(TokenType.Value, true, position),
            "false" => new Token(TokenType.Value, false, position),
            "null" => new Token(TokenType.Value, null, position),
            _ when name.Length == 0 => throw new JsonataException("S0204", $"Unknown operator: \"{current}\"", position, current.ToString()),
            _ => new Token(TokenType.Name, name, position),
        };
    }

    private static bool IsNameCharacter(char c) =>
        !char.IsWhiteSpace(c) && !SingleOperators.Contains(c) && c is not ('"' or '\'' or '`' or '$' or '\\');

    private void SkipWhitespaceAndComments()
    {
        while (position < source.Length)
        {
            if (char.IsWhiteSpace(source[position]))
            {
                position++;
            }
            else if (source[position] == '/' && position + 1 < source.Length && source[position + 1] == '*')
            {
                var end = source.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0)
                    throw new JsonataException("S0106", "Comment has no closing tag", position);
                position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadRegex()
    {
        var start = ++position;
        var depth = 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '/' && depth == 0 && !IsEscaped(start))
            {
                var pattern = source[start..position];
                if (pattern.Length == 0)
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", position);
                position++;
                var flagsStart = position;
                while (position < source.Length && source[position] is 'i' or 'm')
                    position++;
                return new Token(TokenType.Regex, new RegexLiteral(pattern, source[flagsStart..position]), position);
            }

            if (c is '(' or '[' or '{' && !IsEscaped(start))
                depth++;
            else if (c is ')' or ']' or '}' && !IsEscaped(start))
                depth--;
            position++;
        }

        throw new JsonataException("S0302", "No terminating / in regular expression", position);
    }

    private bool IsEscaped(int start)
    {
        var backslashes = 0;
        for (var i = position - 1; i >= start && source[i] == '\\'; i--)
            backslashes++;
        return backslashes % 2 == 1;
    }

    private Token ReadString(char quote)
    {
        position++;
        var text = new StringBuilder();
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '\\')
            {
                position++;
                if (position >= source.Length)
                    break;
                var escape = source[position];
                switch (escape)
                {
                    case '"': text.Append('"'); break;
                    case '\\': text.Append('\\'); break;
                    case '/': text.Append('/'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        if (position + 4 < source.Length
                            && int.TryParse(source.AsSpan(position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            text.Append((char)code);
                            position += 4;
                            break;
                        }

                        throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", position);
                    default:
                        throw new JsonataException("S0103", $"Unsupported escape sequence: \\{escape}", position, escape.ToString());
                }
            }
            else if (c == quote)
            {
                position++;
                return new Token(TokenType.String, text.ToString(), position);
            }
            else
            {
                text.Append(c);
            }

            position++;
        }

        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", position);
    }

    private Token ReadNumber()
    {
        var start = position;
        if (source[position] == '0')
        {
            position++;
        }
        else
        {
            while (position < source.Length && char.IsAsciiDigit(source[position]))
                position++;
        }

        if (position + 1 < source.Length && source[position] == '.' && char.IsAsciiDigit(source[position + 1]))
        {
            position++;
            while (position < source.Length && char.IsAsciiDigit(source[position]))
                position++;
        }

        if (position < source.Length && source[position] is 'e' or 'E')
        {
            var mark = position;
            position++;
            if (position < source.Length && source[position] is '+' or '-')
                position++;
            if (position < source.Length && char.IsAsciiDigit(source[position]))
            {
                while (position < source.Length && char.IsAsciiDigit(source[position]))
                    position++;
            }
            else
            {
                position = mark;
            }
        }

        var text = source[start..position];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value) || double.IsNaN(value))
            throw new JsonataException("S0102", $"Number out of range: {text}", position, text);
        return new Token(TokenType.Number, value, position);
    }
}
