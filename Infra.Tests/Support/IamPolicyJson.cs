using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Support;

/// <summary>
/// Resolved statements as the IAM policy JSON AWS stores: <c>Principal</c> as <c>{"Service": [...]}</c>,
/// <c>{"AWS": [...]}</c> or <c>"*"</c>, conditions as <c>{Operator: {Key: [values]}}</c>. Every principal, resource and
/// condition value passes through <c>rewrite</c>, which gives the example ARNs the names a deployment would.
/// </summary>
public static class IamPolicyJson
{
    public static JsonObject Document(IEnumerable<ResolvedStatement> statements, Func<string, string> rewrite) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray([.. statements.Select(statement => Statement(statement, rewrite))]),
    };

    public static JsonObject Statement(ResolvedStatement statement, Func<string, string> rewrite)
    {
        var json = new JsonObject
        {
            ["Sid"] = statement.Sid,
            ["Effect"] = statement.Effect.ToString(),
        };
        if (statement.Principals.Count > 0)
        {
            json["Principal"] = Principal(statement.Principals, rewrite);
        }

        json["Action"] = Strings(statement.Actions);

        // Trust policies name no resource.
        if (statement.Resources.Count > 0)
        {
            json["Resource"] = Strings(statement.Resources.Select(rewrite));
        }

        if (statement.Conditions.Count > 0)
        {
            json["Condition"] = Conditions(statement, rewrite);
        }

        return json;
    }

    private static JsonNode Principal(IReadOnlyList<ResolvedPrincipal> principals, Func<string, string> rewrite)
    {
        if (principals.Any(principal => principal.Type == PolicyPrincipal.AnyoneType))
        {
            return JsonValue.Create("*");
        }

        var json = new JsonObject();
        foreach (var group in principals.GroupBy(principal => principal.Type))
        {
            json[group.Key] = Strings(group.Select(principal => rewrite(principal.Value)));
        }

        return json;
    }

    private static JsonObject Conditions(ResolvedStatement statement, Func<string, string> rewrite)
    {
        var json = new JsonObject();
        foreach (var byOperator in statement.Conditions.GroupBy(condition => condition.Operator))
        {
            var keys = new JsonObject();
            foreach (var condition in byOperator)
            {
                // Two conditions on one key under one operator are ANDed; merged into one list they would be ORed.
                if (keys.ContainsKey(condition.Key))
                {
                    throw new InvalidOperationException($"{statement.Owner}/{statement.Sid} repeats {byOperator.Key} on {condition.Key}, which IAM JSON cannot hold.");
                }

                keys[condition.Key] = Strings(condition.Values.Select(rewrite));
            }

            json[byOperator.Key] = keys;
        }

        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}
