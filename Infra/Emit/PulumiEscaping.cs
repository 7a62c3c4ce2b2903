using System.Text;

namespace Pipeline.Infra.Emit;

/// <summary>
/// Pulumi YAML reads <c>$$</c> as <c>$</c> and <c>${</c> as the start of an expression in every string.
/// Literal text is escaped so it survives unchanged: each <c>$</c> of a run of two or more, or of a run
/// followed by <c>{</c>, is doubled (<c>$$.Map.Item.Value</c> becomes <c>$$$$.Map.Item.Value</c>,
/// <c>${x}</c> becomes <c>$${x}</c>); a lone <c>$</c> such as <c>$.detail</c> needs no escape.
/// </summary>
public static class PulumiEscaping
{
    public static string EscapeLiteral(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var index = 0;
        while (index < text.Length)
        {
            if (text[index] != '$')
            {
                builder.Append(text[index++]);
                continue;
            }

            var start = index;
            while (index < text.Length && text[index] == '$')
            {
                index++;
            }

            var run = index - start;
            var beforeBrace = index < text.Length && text[index] == '{';
            builder.Append('$', run >= 2 || beforeBrace ? run * 2 : run);
        }

        return builder.ToString();
    }

    /// <summary>The inverse of Pulumi's reading of a string without expressions (for tests and the diff).</summary>
    public static string Unescape(string text) => text.Replace("$$", "$", StringComparison.Ordinal);
}
