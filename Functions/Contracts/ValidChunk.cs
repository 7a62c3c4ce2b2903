namespace Pipeline.Functions;

/// <summary>One line of the valid-chunk list Validate writes: the item a distributed Map reads per chunk.</summary>
public sealed record ValidChunk(string ChunkKey);
