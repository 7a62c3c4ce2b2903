using System.Text.Json.Serialization;

namespace Pipeline.Infra.Emit;

/// <summary>The JSON of a string, which is also its TypeScript literal, written without reflection (the compiler is Native AOT).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TypeScriptStringJson : JsonSerializerContext;
