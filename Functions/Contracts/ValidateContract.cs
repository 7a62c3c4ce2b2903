using System.Text.Json.Serialization;

namespace Pipeline.Functions.Contracts;

/// <summary>Validate reads the chunks LoadBatch listed in its manifest under <paramref name="StagingPrefix"/>.</summary>
/// <param name="ListValidChunkKeys">
/// Whether the result lists the valid chunks' keys (for a Map that iterates over the execution's state); either way they
/// are written, one JSON line per chunk, to <c>StorageLayout.ValidChunkListKey</c> (for a Map that reads them).
/// </param>
public sealed record ValidateRequest(
    SourceObject Source,
    [property: JsonPropertyName(LoadBatchResult.StagingPrefixField)] string StagingPrefix,
    bool ListValidChunkKeys = false);

/// <param name="ValidChunkListKey">The valid chunks, one <see cref="ValidChunk"/> JSON line each.</param>
/// <param name="ValidChunkKeys">The same keys, when the request asked for them; empty otherwise.</param>
public sealed record ValidateResult(
    int TotalCount,
    int ValidCount,
    int InvalidCount,
    int ValidChunkCount,
    string ValidChunkListKey,
    IReadOnlyList<string> ValidChunkKeys,
    string? InvalidKey);

/// <summary>One line of the valid-chunk list Validate writes: the item a distributed Map reads per chunk.</summary>
public sealed record ValidChunk(string ChunkKey);
