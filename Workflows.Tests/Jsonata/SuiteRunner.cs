using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>Runs one suite case as AWS would (JSONata 2.0.6 without $eval) and says whether it met its expectation.</summary>
public static class SuiteRunner
{
    /// <summary>Guards the test run against a runaway case when the case sets no time limit of its own.</summary>
    private static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Null when the case passes, otherwise what went wrong.</summary>
    public static string? Run(SuiteCase suiteCase)
    {
        JsonataResult actual;
        try
        {
            var expression = JsonataExpression.Parse(suiteCase.Expression).WithoutFunction("eval");
            var bindings = suiteCase.Bindings?.ToDictionary(pair => pair.Key, pair => pair.Value?.DeepClone(), StringComparer.Ordinal);
            var limits = new JsonataLimits(
                suiteCase.Depth,
                suiteCase.TimeLimit is { } ms ? TimeSpan.FromMilliseconds(ms) : DefaultTimeLimit);
            var input = suiteCase.HasInput ? JsonataResult.Of(suiteCase.Data?.DeepClone()) : JsonataResult.Undefined;
            actual = expression.Evaluate(input, bindings, limits);
        }
        catch (JsonataException error)
        {
            return suiteCase.Code == error.Code ? null : $"threw {error.Code} ({error.Message}), expected {Expected(suiteCase)}";
        }

        if (suiteCase.Code is not null)
            return $"returned {Describe(actual)}, expected error {suiteCase.Code}";
        if (suiteCase.ExpectsUndefined)
            return actual.IsUndefined ? null : $"returned {Describe(actual)}, expected undefined";
        if (actual.IsUndefined)
            return $"returned undefined, expected {Expected(suiteCase)}";
        return JsonEquals(actual.Value, suiteCase.Result, suiteCase.Unordered)
            ? null
            : $"returned {Describe(actual)}, expected {Expected(suiteCase)}";
    }

    private static string Expected(SuiteCase suiteCase) =>
        suiteCase.Code ?? (suiteCase.ExpectsUndefined ? "undefined" : suiteCase.Result?.ToJsonString() ?? "null");

    private static string Describe(JsonataResult result) =>
        result.IsUndefined ? "undefined" : result.Value?.ToJsonString() ?? "null";

    private static bool JsonEquals(JsonNode? actual, JsonNode? expected, bool unordered)
    {
        if (unordered && actual is JsonArray a && expected is JsonArray e)
        {
            if (a.Count != e.Count)
                return false;
            var remaining = e.ToList();
            foreach (var item in a)
            {
                var match = remaining.FindIndex(candidate => JsonEquals(item, candidate, false));
                if (match < 0)
                    return false;
                remaining.RemoveAt(match);
            }

            return true;
        }

        switch (actual, expected)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(pair => y.TryGetPropertyValue(pair.Key, out var other) && JsonEquals(pair.Value, other, false));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(pair => JsonEquals(pair.First, pair.Second, false));
            case (JsonValue x, JsonValue y):
                if (x.GetValueKind() != y.GetValueKind())
                    return false;
                if (x.GetValueKind() == JsonValueKind.Number)
                    return double.Parse(x.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(y.ToJsonString(), CultureInfo.InvariantCulture);
                return x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }
}
