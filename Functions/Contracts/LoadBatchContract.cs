namespace Pipeline.Functions;

public sealed record LoadBatchRequest(string Bucket, string Key, string ExecutionName);

/// <summary>What LoadBatch read: the chunks themselves are listed in its manifest (<see cref="StorageLayout.ManifestKey"/>), never in the result.</summary>
public sealed record LoadBatchResult(SourceObject Source, int RecordCount, int ChunkCount, string WorkPrefix);

/// <summary>
/// Written by LoadBatch next to the chunks: Validate reads the chunks it lists and checks the record count
/// against it, so a record cannot go missing between loading and validation unnoticed.
/// </summary>
public sealed record ChunkManifest(SourceObject Source, string Format, int RecordCount, IReadOnlyList<string> ChunkKeys);
