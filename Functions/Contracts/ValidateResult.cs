namespace Pipeline.Functions;

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
