namespace Pipeline.Functions;

/// <summary>Validate reads the chunks LoadBatch listed in its manifest under <paramref name="WorkPrefix"/>.</summary>
/// <param name="ListValidChunkKeys">
/// Whether the result lists the valid chunks' keys (for a Map that iterates over the execution's state); either way they
/// are written, one JSON line per chunk, to <see cref="StorageLayout.ValidChunkListKey"/> (for a Map that reads them).
/// </param>
public sealed record ValidateRequest(SourceObject Source, string WorkPrefix, bool ListValidChunkKeys = false);
