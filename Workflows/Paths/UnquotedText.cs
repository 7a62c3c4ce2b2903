namespace Pipeline.Workflows.Paths;

/// <summary>The characters of a path or a call outside its quoted names and strings (<c>'...'</c> or <c>"..."</c>, with backslash escapes).</summary>
internal static class UnquotedText
{
    public static IEnumerable<(int Index, char Character)> From(string text, int start)
    {
        char? quote = null;
        for (var index = start; index < text.Length; index++)
        {
            var character = text[index];
            if (quote is not null)
            {
                if (character == '\\')
                    index++;
                else if (character == quote)
                    quote = null;
            }
            else if (character is '\'' or '"')
            {
                quote = character;
            }
            else
            {
                yield return (index, character);
            }
        }
    }
}
