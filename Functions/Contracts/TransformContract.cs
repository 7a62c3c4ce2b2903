using System.Text.Json.Serialization;

namespace Pipeline.Functions.Contracts;

/// <summary>One valid chunk to transform. <paramref name="IngestedAt"/> is the execution's start time; when absent the handler's clock is used.</summary>
public sealed record TransformRequest(
    SourceObject Source,
    string ChunkKey,
    [property: JsonPropertyName(LoadBatchResult.StagingPrefixField)] string StagingPrefix,
    DateTimeOffset? IngestedAt = null);

public sealed record TransformResult(string TransformedKey, int Count);
