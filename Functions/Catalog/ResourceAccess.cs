namespace Pipeline.Functions.Catalog;

/// <summary>
/// One grant a function needs, as data the Pulumi program turns into an IAM statement: the exact
/// IAM actions on a target, narrowed to a key prefix for bucket objects. Encryption-key
/// permissions follow from the targets (the program knows which KMS key protects each).
/// </summary>
public sealed record ResourceAccess(AccessTarget Target, string? Prefix, IReadOnlyList<string> Actions, string Purpose);

/// <summary>The resources a function's role is granted access to.</summary>
public enum AccessTarget
{
    /// <summary>Objects in the ingest bucket, under <see cref="ResourceAccess.Prefix"/>.</summary>
    IngestBucketObjects,

    /// <summary>Items in the records table (records and ledger).</summary>
    RecordsTable,
}
