using System.Text.Json.Serialization;

namespace Pipeline.Functions.Runtime;

/// <summary>Source-generated JSON for the Runtime API's error documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FunctionError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
