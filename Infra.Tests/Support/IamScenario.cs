using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Support;

/// <summary>
/// One request for the independent evaluator (<c>tools/iam-check/evaluate.mjs</c>): who calls which action on which
/// resource with which request context, under which identity and resource policies, and whether it should be allowed.
/// </summary>
public sealed record IamScenario(
    string Category,
    string Principal,
    string Action,
    string Resource,
    string AccountId,
    IReadOnlyDictionary<string, string> Context,
    IReadOnlyList<KeyValuePair<string, JsonObject>> IdentityPolicies,
    JsonObject? ResourcePolicy,
    bool ExpectAllowed)
{
    /// <summary>The scenario's name: the category, the call and the context that is not the same for every call of its kind.</summary>
    public string Name { get; init; } = $"{Category}: {Principal} {Action} {Resource}";

    public string Expect => ExpectAllowed ? "Allowed" : "Denied";

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["principal"] = Principal,
        ["action"] = Action,
        ["resource"] = Resource,
        ["accountId"] = AccountId,
        ["context"] = new JsonObject([.. Context.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value)))]),
        ["identityPolicies"] = new JsonArray([.. IdentityPolicies.Select(policy => (JsonNode?)new JsonObject
        {
            ["name"] = policy.Key,
            ["policy"] = policy.Value.DeepClone(),
        })]),
        ["resourcePolicy"] = ResourcePolicy?.DeepClone(),
        ["expect"] = Expect,
    };

    public override string ToString() => Name;
}
