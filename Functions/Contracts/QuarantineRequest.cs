namespace Pipeline.Functions;

public sealed record QuarantineRequest(SourceObject Source, string? InvalidKey = null);
