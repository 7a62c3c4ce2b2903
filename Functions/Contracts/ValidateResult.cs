namespace Pipeline.Functions;

public sealed record ValidateResult(
    int TotalCount,
    int ValidCount,
    int InvalidCount,
    IReadOnlyList<string> ValidChunkKeys,
    string? InvalidKey);
