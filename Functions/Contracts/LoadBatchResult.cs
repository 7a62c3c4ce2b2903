namespace Pipeline.Functions;

/// <summary>What LoadBatch read: the chunks themselves are listed in its manifest (<see cref="StorageLayout.ManifestKey"/>), never in the result.</summary>
public sealed record LoadBatchResult(SourceObject Source, int RecordCount, int ChunkCount, string WorkPrefix);
