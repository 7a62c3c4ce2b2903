namespace Pipeline.Functions;

/// <summary>Where every record of the file went.</summary>
/// <param name="Quarantined">Records in quarantine: the invalid ones and those the table refused.</param>
/// <param name="QuarantineKey">The file's quarantine file (its invalid records), if it has one.</param>
/// <param name="Stored">Records this run stored.</param>
/// <param name="Rejected">Records the table refused, in the chunks' rejected files beside the quarantine file.</param>
/// <param name="AlreadyStored">Records of chunks an earlier delivery of the same file had already stored.</param>
/// <param name="ChunkCount">Chunks of valid records.</param>
public sealed record QuarantineResult(int Quarantined, string? QuarantineKey, int Stored, int Rejected, int AlreadyStored, int ChunkCount);
