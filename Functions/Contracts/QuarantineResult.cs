namespace Pipeline.Functions;

public sealed record QuarantineResult(int Quarantined, string? QuarantineKey);
