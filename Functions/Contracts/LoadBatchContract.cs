using System.Text.Json.Serialization;

namespace Pipeline.Functions.Contracts;

public sealed record LoadBatchRequest(string Bucket, string Key, string ExecutionName);

/// <summary>What LoadBatch read: the chunks themselves are listed in its manifest (<c>StorageLayout.ManifestKey</c>), never in the result.</summary>
public sealed record LoadBatchResult(
    SourceObject Source,
    int RecordCount,
    int ChunkCount,
    [property: JsonPropertyName(LoadBatchResult.StagingPrefixField)] string StagingPrefix)
{
    /// <summary>The JSON name of the staging prefix in every payload: the workflows already deployed pass it by this name.</summary>
    public const string StagingPrefixField = "workPrefix";
}

/// <summary>
/// Written by LoadBatch next to the chunks: Validate reads the chunks it lists and checks the record count
/// against it, so a record cannot go missing between loading and validation unnoticed.
/// </summary>
public sealed record ChunkManifest(SourceObject Source, string Format, int RecordCount, IReadOnlyList<string> ChunkKeys);
