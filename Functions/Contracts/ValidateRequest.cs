namespace Pipeline.Functions;

public sealed record ValidateRequest(SourceObject Source, IReadOnlyList<string> ChunkKeys, string WorkPrefix);
