namespace Pipeline.Functions;

/// <summary><paramref name="Duplicate"/> is true when the chunk had already been stored for this source object; nothing was written.</summary>
public sealed record StoreResult(int Stored, bool Duplicate);
