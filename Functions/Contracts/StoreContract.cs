namespace Pipeline.Functions.Contracts;

public sealed record StoreRequest(SourceObject Source, string TransformedKey);

/// <summary>What Store did with one chunk.</summary>
/// <param name="Stored">Records written to the table by this call.</param>
/// <param name="Duplicate">True when the chunk had already been stored for this source object; nothing was written.</param>
/// <param name="Rejected">Records the table refused, now in the chunk's rejected file under <c>quarantine/</c>.</param>
/// <param name="Count">Records the chunk holds: <paramref name="Stored"/> + <paramref name="Rejected"/>, or all of them for a duplicate.</param>
public sealed record StoreResult(int Stored, bool Duplicate, int Rejected, int Count);
