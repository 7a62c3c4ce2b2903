namespace Pipeline.Infra.Policy.Access;

/// <summary>IAM's wildcard matching: <c>*</c> any run of characters, <c>?</c> one; actions ignore case, resources do not.</summary>
public static class WildcardMatch
{
    public static bool Action(string pattern, string action) => Matches(pattern, action, ignoreCase: true);

    public static bool Resource(string pattern, string resource) => Matches(pattern, resource, ignoreCase: false);

    public static bool HasWildcard(string pattern) => pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal);

    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        ignoreCase ? char.ToLowerInvariant(a) == char.ToLowerInvariant(b) : a == b;
}
