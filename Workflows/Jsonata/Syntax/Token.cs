using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Syntax;

internal enum TokenType
{
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
    End,
}

/// <summary>One lexical token; <see cref="Position"/> is the offset just after it, as the reference reports.</summary>
internal sealed record Token(TokenType Type, object? Value, int Position)
{
    public string Text => Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => JsNumber.Format(d),
        RegexLiteral r => r.Pattern,
        _ => Value.ToString() ?? "",
    };
}

/// <summary>A regular expression literal as written: its pattern and flags.</summary>
internal sealed record RegexLiteral(string Pattern, string Flags);
