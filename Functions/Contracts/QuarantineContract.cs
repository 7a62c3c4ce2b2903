namespace Pipeline.Functions.Contracts;

/// <summary>The end of a run: the invalid records to quarantine and what Store did with every chunk, to account for every record.</summary>
/// <param name="Source">The file.</param>
/// <param name="InvalidKey">Validate's invalid records, when there are any.</param>
/// <param name="ValidCount">Validate's count of valid records.</param>
/// <param name="InvalidCount">Validate's count of invalid records.</param>
/// <param name="Chunks">Store's result for each chunk of valid records, when they travel in the execution's state.</param>
/// <param name="ChunkResultsKey">
/// Otherwise the manifest a distributed Map's ResultWriter wrote, whose result files hold Store's result for each chunk.
/// Neither is given when no record was valid.
/// </param>
public sealed record QuarantineRequest(
    SourceObject Source,
    string? InvalidKey = null,
    int ValidCount = 0,
    int InvalidCount = 0,
    IReadOnlyList<StoreResult>? Chunks = null,
    string? ChunkResultsKey = null);

/// <summary>Where every record of the file went.</summary>
/// <param name="Quarantined">Records in quarantine: the invalid ones and those the table refused.</param>
/// <param name="QuarantineKey">The file's quarantine file (its invalid records), if it has one.</param>
/// <param name="Stored">Records this run stored.</param>
/// <param name="Rejected">Records the table refused, in the chunks' rejected files beside the quarantine file.</param>
/// <param name="AlreadyStored">Records of chunks an earlier delivery of the same file had already stored.</param>
/// <param name="ChunkCount">Chunks of valid records.</param>
public sealed record QuarantineResult(int Quarantined, string? QuarantineKey, int Stored, int Rejected, int AlreadyStored, int ChunkCount);
