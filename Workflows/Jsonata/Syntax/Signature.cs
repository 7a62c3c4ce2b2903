using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Syntax;

/// <summary>
/// A function signature such as <c>&lt;s-n?:s&gt;</c>: each parameter's accepted types as one-letter symbols. Arguments
/// are matched as a string of symbols against a regular expression built from the parameters, which gives the
/// reference implementation's backtracking over optional and repeated parameters.
/// </summary>
internal sealed class Signature
{
    private readonly List<Parameter> parameters;
    private readonly Regex matcher;

    private Signature(List<Parameter> parameters)
    {
        this.parameters = parameters;
        matcher = new Regex("^" + string.Concat(parameters.Select(p => "(" + p.Pattern + ")")) + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The parameters a caller must supply, which is what the reference reports as a library function's length.</summary>
    public int Arity => parameters.Count(p => !p.Pattern.EndsWith('?'));

    public static Signature Parse(string text)
    {
        var parameters = new List<Parameter>();
        var position = 1;
        Parameter? previous = null;
        while (position < text.Length)
        {
            var symbol = text[position];
            if (symbol == ':')
                break;
            switch (symbol)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    previous = Add(parameters, $"[{symbol}m]", symbol.ToString());
                    break;
                case 'a':
                    previous = Add(parameters, "[asnblfom]", "a");
                    break;
                case 'f':
                    previous = Add(parameters, "f", "f");
                    break;
                case 'j':
                    previous = Add(parameters, "[asnblom]", "j");
                    break;
                case 'x':
                    previous = Add(parameters, "[asnblfom]", "x");
                    break;
                case '-':
                    previous!.Context = true;
                    previous.ContextPattern = new Regex("^" + previous.Pattern + "$");
                    previous.Pattern += "?";
                    break;
                case '?' or '+':
                    previous!.Pattern += symbol;
                    break;
                case '(':
                    var end = ClosingBracket(text, position, '(', ')');
                    var choice = text[(position + 1)..end];
                    if (choice.Contains('<', StringComparison.Ordinal))
                        throw new JsonataException("S0402", "Choice groups containing parameterized types are not supported", position);
                    previous = Add(parameters, $"[{choice}m]", $"({choice})");
                    position = end;
                    break;
                case '<':
                    if (previous is null || previous.Type is not ("a" or "f"))
                        throw new JsonataException("S0401", "Type parameters can only be applied to functions and arrays", position);
                    var close = ClosingBracket(text, position, '<', '>');
                    previous.Subtype = text[(position + 1)..close];
                    position = close;
                    break;
                case '>':
                    break;
                default:
                    throw new JsonataException("S0401", $"Type parameter {symbol} is not recognised", position);
            }

            position++;
        }

        return new Signature(parameters);
    }

    private static Parameter Add(List<Parameter> parameters, string pattern, string type)
    {
        var parameter = new Parameter { Pattern = pattern, Type = type };
        parameters.Add(parameter);
        return parameter;
    }

    private static int ClosingBracket(string text, int start, char open, char close)
    {
        var depth = 1;
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == open)
                depth++;
            else if (text[i] == close && --depth == 0)
                return i;
        }

        return text.Length - 1;
    }

    public static char SymbolOf(object? value) => value switch
    {
        null => 'm',
        string => 's',
        double => 'n',
        bool => 'b',
        JsonNull => 'l',
        JList => 'a',
        JObject => 'o',
        FunctionValue => 'f',
        _ => 'm',
    };

    public object?[] Validate(IReadOnlyList<object?> arguments, object? context)
    {
        var supplied = new StringBuilder(arguments.Count);
        foreach (var argument in arguments)
            supplied.Append(SymbolOf(argument));
        var match = matcher.Match(supplied.ToString());
        if (!match.Success)
            throw ValidationError(supplied.ToString());

        var validated = new List<object?>(parameters.Count);
        var argumentIndex = 0;
        for (var index = 0; index < parameters.Count; index++)
        {
            var parameter = parameters[index];
            var matched = match.Groups[index + 1].Value;
            if (matched.Length == 0)
            {
                if (parameter.Context && parameter.ContextPattern is not null)
                {
                    if (context is JList { OuterWrapper: true, Count: > 0 } wrapper)
                        context = wrapper[0];
                    if (!parameter.ContextPattern.IsMatch(SymbolOf(context).ToString()))
                        throw new JsonataException("T0411", "Context value is not a compatible type with argument " + (argumentIndex + 1), -1);
                    validated.Add(context);
                }
                else
                {
                    validated.Add(argumentIndex < arguments.Count ? arguments[argumentIndex] : null);
                    argumentIndex++;
                }

                continue;
            }

            // As in JSONata 2.0.6, every argument a repeated (+) parameter matches takes the value of the first one,
            // except for arrays, which are read one by one.
            var first = argumentIndex < arguments.Count ? arguments[argumentIndex] : null;
            foreach (var single in matched)
            {
                var argument = first;
                if (parameter.Type == "a")
                {
                    if (single == 'm')
                    {
                        argument = null;
                    }
                    else
                    {
                        argument = arguments[argumentIndex];
                        if (parameter.Subtype is not null && !ArrayMatches(single, argument, parameter.Subtype))
                        {
                            throw new JsonataException("T0412", $"Argument {argumentIndex + 1} of function must be an array of {SubtypeName(parameter.Subtype)}", -1);
                        }

                        if (single != 'a')
                            argument = new JList { argument };
                    }
                }

                validated.Add(argument);
                argumentIndex++;
            }
        }

        return [.. validated];
    }

    private static bool ArrayMatches(char single, object? argument, string subtype)
    {
        if (single != 'a')
            return single.ToString() == subtype;
        var list = (JList)argument!;
        if (list.Count == 0)
            return true;
        var itemType = SymbolOf(list[0]);
        return itemType == subtype[0] && list.All(item => SymbolOf(item) == itemType);
    }

    private static string SubtypeName(string subtype) => subtype switch
    {
        "a" => "arrays",
        "b" => "booleans",
        "f" => "functions",
        "n" => "numbers",
        "o" => "objects",
        "s" => "strings",
        _ => subtype,
    };

    private JsonataException ValidationError(string supplied)
    {
        var pattern = "^";
        var goodTo = 0;
        foreach (var parameter in parameters)
        {
            pattern += parameter.Pattern;
            var match = Regex.Match(supplied, pattern);
            if (!match.Success)
                break;
            goodTo = match.Length;
        }

        return new JsonataException("T0410", $"Argument {goodTo + 1} of function does not match function signature", -1);
    }

    private sealed class Parameter
    {
        public required string Pattern { get; set; }

        public required string Type { get; init; }

        public string? Subtype { get; set; }

        public bool Context { get; set; }

        public Regex? ContextPattern { get; set; }
    }
}
