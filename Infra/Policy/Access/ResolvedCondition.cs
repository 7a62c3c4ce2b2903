namespace Pipeline.Infra.Policy.Access;

/// <summary>
/// One condition with resolved values. Evaluated conservatively: an operator the simulator does not know, or a
/// key the request does not carry, never grants (an Allow does not apply) and never protects (a Deny applies).
/// </summary>
public sealed record ResolvedCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary>True when satisfied, false when not, null when the simulator cannot tell.</summary>
    public bool? Evaluate(IReadOnlyDictionary<string, string> context)
    {
        if (!context.TryGetValue(Key, out var actual))
        {
            return null;
        }

        return Operator switch
        {
            "StringEquals" or "ArnEquals" => Values.Contains(actual, StringComparer.Ordinal),
            "StringEqualsIgnoreCase" => Values.Contains(actual, StringComparer.OrdinalIgnoreCase),
            "StringLike" or "ArnLike" => Values.Any(value => WildcardMatch.Matches(value, actual, ignoreCase: false)),
            "StringNotEquals" or "ArnNotEquals" => !Values.Contains(actual, StringComparer.Ordinal),
            "Bool" => Values.Any(value => string.Equals(value, actual, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
    }
}
