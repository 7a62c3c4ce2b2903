using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>One match of a regex or of a custom matcher function.</summary>
internal sealed record MatchInfo(string Text, int Start, IReadOnlyList<string> Groups)
{
    public JObject ToObject() => new()
    {
        ["match"] = Text,
        ["start"] = (double)Start,
        ["end"] = (double)(Start + Text.Length),
        ["groups"] = new JList(Groups.Select(g => (object?)g)),
    };
}

/// <summary>
/// Runs a matcher over a string as the string functions do: a regex literal natively, any other function through the
/// match-object protocol (<c>match</c>, <c>start</c>, <c>end</c>, <c>groups</c>, <c>next</c>).
/// </summary>
internal static class Matching
{
    public static IEnumerable<MatchInfo> Matches(CallContext context, FunctionValue matcher, string text, string function)
    {
        if (matcher is RegexFunction regex)
        {
            var match = regex.Regex.Match(text);
            var first = true;
            while (match.Success)
            {
                if (!first && match.Length == 0)
                    throw new JsonataException("D1004", "Regular expression matches zero length string", -1, regex.Regex.ToString());
                first = false;
                yield return new MatchInfo(match.Value, match.Index, [.. match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Value)]);
                var lastIndex = match.Index + match.Length;
                if (lastIndex >= text.Length)
                    yield break;
                match = regex.Regex.Match(text, lastIndex);
            }

            yield break;
        }

        var result = context.Apply(matcher, [text]);
        while (result is not null)
        {
            if (result is not JObject obj || obj.GetValueOrDefault("match") is not string matched || obj.GetValueOrDefault("start") is not double start)
                throw new JsonataException("T1010", $"The matcher function argument passed to function {function} does not return the correct object structure", -1, function);
            var groups = obj.GetValueOrDefault("groups") as JList ?? [];
            yield return new MatchInfo(matched, (int)start, [.. groups.Select(g => g as string ?? "")]);
            result = obj.GetValueOrDefault("next") is FunctionValue next ? context.Apply(next, []) : null;
        }
    }
}
