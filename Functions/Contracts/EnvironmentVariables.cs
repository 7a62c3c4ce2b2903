namespace Pipeline.Functions.Contracts;

/// <summary>The environment variables the handlers read; the Pulumi program sets them.</summary>
public static class EnvironmentVariables
{
    /// <summary>The ingest bucket: uploads under <c>incoming/</c>, staging objects, quarantine files.</summary>
    public const string BucketName = "BUCKET_NAME";

    /// <summary>The DynamoDB table holding the records and the ledger.</summary>
    public const string TableName = "TABLE_NAME";

    /// <summary>Records per chunk object written by LoadBatch.</summary>
    public const string ChunkSize = "CHUNK_SIZE";

    /// <summary>Largest upload LoadBatch reads, in bytes.</summary>
    public const string MaxObjectBytes = "MAX_OBJECT_BYTES";

    /// <summary>Largest record (CSV row, NDJSON line, JSON array element) LoadBatch reads, in bytes.</summary>
    public const string MaxRecordBytes = "MAX_RECORD_BYTES";

    /// <summary>BatchWriteItem attempts per batch before Store gives up.</summary>
    public const string StoreMaxAttempts = "STORE_MAX_ATTEMPTS";

    /// <summary>First backoff delay between BatchWriteItem attempts, in milliseconds; doubles per attempt.</summary>
    public const string StoreBaseDelayMs = "STORE_BASE_DELAY_MS";

    /// <summary>Upper bound of one backoff delay, in milliseconds.</summary>
    public const string StoreMaxDelayMs = "STORE_MAX_DELAY_MS";
}
