using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Jsonata;

/// <summary>
/// The value of a JSONata expression: JSON (where a null <see cref="Value"/> is JSON null) or JSONata's
/// <c>undefined</c>, which JSON cannot spell.
/// </summary>
public readonly record struct JsonataResult(bool IsUndefined, JsonNode? Value)
{
    public static JsonataResult Undefined { get; } = new(true, null);

    public static JsonataResult Of(JsonNode? value) => new(false, value);
}
