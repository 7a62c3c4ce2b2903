using System.Text.RegularExpressions;
using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>A regular expression literal as a value: called with a string, it gives the first match object.</summary>
internal sealed class RegexFunction : FunctionValue
{
    private static readonly Signature MatcherSignature = Signature.Parse("<s-:o>");

    public RegexFunction(RegexLiteral literal)
    {
        var options = RegexOptions.CultureInvariant;
        if (literal.Flags.Contains('i', StringComparison.Ordinal))
            options |= RegexOptions.IgnoreCase;
        if (literal.Flags.Contains('m', StringComparison.Ordinal))
            options |= RegexOptions.Multiline;
        try
        {
            Regex = new Regex(literal.Pattern, options, TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException error)
        {
            throw new JsonataException("S0303", $"Invalid regular expression: {error.Message}", -1, literal.Pattern);
        }
    }

    public Regex Regex { get; }

    public override int Arity => 1;

    public override Signature Signature => MatcherSignature;

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller) =>
        arguments[0] is string text ? MatchObject(Regex.Match(text)) : null;

    private static object? MatchObject(Match match)
    {
        if (!match.Success)
            return null;
        var groups = new JList();
        for (var index = 1; index < match.Groups.Count; index++)
            groups.Add(match.Groups[index].Value);
        return new JObject
        {
            ["match"] = match.Value,
            ["start"] = (double)match.Index,
            ["end"] = (double)(match.Index + match.Length),
            ["groups"] = groups,
            ["next"] = new NextMatch(match),
        };
    }

    private sealed class NextMatch(Match match) : FunctionValue
    {
        public override int Arity => 0;

        public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller) =>
            MatchObject(match.NextMatch());
    }
}
