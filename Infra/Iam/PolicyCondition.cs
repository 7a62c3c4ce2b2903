using Pipeline.Infra.Model;

namespace Pipeline.Infra.Iam;

/// <summary>One condition: <c>{"&lt;Operator&gt;": {"&lt;Key&gt;": [values]}}</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<Input> Values)
{
    public static PolicyCondition StringEquals(string key, params Input[] values) => new("StringEquals", key, values);

    public static PolicyCondition ArnEquals(string key, params Input[] values) => new("ArnEquals", key, values);

    public static PolicyCondition ArnLike(string key, params Input[] values) => new("ArnLike", key, values);

    public static PolicyCondition Bool(string key, bool value) => new("Bool", key, [value ? "true" : "false"]);

    public bool Equals(PolicyCondition? other) =>
        other is not null && Operator == other.Operator && Key == other.Key && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Operator, Key, Values.Count);
}
