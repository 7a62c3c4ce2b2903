using System.Text.Json.Serialization;

namespace Pipeline.Functions.Contracts;

/// <summary>Source-generated JSON for every handler payload (camelCase, as the workflow passes them).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LoadBatchRequest))]
[JsonSerializable(typeof(LoadBatchResult))]
[JsonSerializable(typeof(ValidateRequest))]
[JsonSerializable(typeof(ValidateResult))]
[JsonSerializable(typeof(TransformRequest))]
[JsonSerializable(typeof(TransformResult))]
[JsonSerializable(typeof(StoreRequest))]
[JsonSerializable(typeof(StoreResult))]
[JsonSerializable(typeof(QuarantineRequest))]
[JsonSerializable(typeof(QuarantineResult))]
[JsonSerializable(typeof(ChunkManifest))]
[JsonSerializable(typeof(ValidChunk))]
public sealed partial class PayloadJsonContext : JsonSerializerContext;
