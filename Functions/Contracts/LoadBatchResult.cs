namespace Pipeline.Functions;

public sealed record LoadBatchResult(SourceObject Source, int RecordCount, IReadOnlyList<string> ChunkKeys, string WorkPrefix);
