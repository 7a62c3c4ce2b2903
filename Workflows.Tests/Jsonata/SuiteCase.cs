using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>One case of the JSONata reference test suite (format in Suite/TESTSUITE.md).</summary>
public sealed record SuiteCase(
    string Group,
    string Id,
    string Expression,
    JsonNode? Data,
    bool HasInput,
    JsonObject? Bindings,
    int? TimeLimit,
    int? Depth,
    JsonNode? Result,
    bool ExpectsResult,
    bool ExpectsUndefined,
    string? Code,
    bool Unordered);
