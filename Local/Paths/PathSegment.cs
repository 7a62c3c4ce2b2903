using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Paths;

/// <summary>One step of a parsed JSONPath.</summary>
internal abstract record PathSegment
{
    public sealed record Name(string Value) : PathSegment;

    public sealed record Index(int Value) : PathSegment;

    public sealed record Wildcard : PathSegment;

    public sealed record Union(IReadOnlyList<PathSegment> Parts) : PathSegment;

    public sealed record Slice(int? Start, int? End, int Step) : PathSegment;

    public sealed record DeepScan(PathSegment Target) : PathSegment;

    /// <summary><c>[?(@.a.b OP literal)]</c>, or <c>[?(@.a.b)]</c> for existence when <see cref="Operator"/> is null.</summary>
    public sealed record Filter(IReadOnlyList<PathSegment> Relative, string? Operator, JsonNode? Literal) : PathSegment
    {
        public bool Matches(JsonNode? candidate)
        {
            var found = JsonPath.Select(candidate, Relative);
            if (found.Count != 1)
            {
                return false;
            }

            var value = found[0];
            if (Operator is null)
            {
                return true;
            }

            if (Operator is "==" or "!=")
            {
                return JsonPath.ValuesEqual(value, Literal) == (Operator == "==");
            }

            int? order = (value?.GetValueKind(), Literal?.GetValueKind()) switch
            {
                (JsonValueKind.Number, JsonValueKind.Number) when JsonNumber.TryGet(value, out var a) && JsonNumber.TryGet(Literal, out var b) => a.CompareTo(b),
                (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(value!.GetValue<string>(), Literal!.GetValue<string>()),
                _ => null,
            };
            return order is { } o && Operator switch
            {
                "<" => o < 0,
                "<=" => o <= 0,
                ">" => o > 0,
                ">=" => o >= 0,
                _ => false,
            };
        }
    }
}
