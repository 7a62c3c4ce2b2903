namespace Pipeline.Functions;

/// <summary>The resources a function's role is granted access to.</summary>
public enum AccessTarget
{
    /// <summary>Objects in the ingest bucket, under <see cref="ResourceAccess.Prefix"/>.</summary>
    IngestBucketObjects,

    /// <summary>Items in the records table (records and ledger).</summary>
    RecordsTable,
}
