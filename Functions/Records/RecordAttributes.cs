namespace Pipeline.Functions.Records;

/// <summary>Attribute names of a stored record item (and of the transformed chunk lines it is built from).</summary>
public static class RecordAttributes
{
    public const string Id = "id";
    public const string Value = "value";
    public const string ProcessedValue = "processed_value";

    /// <summary>A map holding the record's other fields as they arrived.</summary>
    public const string Fields = "fields";

    public const string SourceBucket = "source_bucket";
    public const string SourceKey = "source_key";
    public const string SourceEtag = "source_etag";

    /// <summary>1-based position of the record in its source file.</summary>
    public const string SourceRecord = "source_record";

    /// <summary>1-based line of the record in its source file.</summary>
    public const string SourceLine = "source_line";

    /// <summary>When the execution that stored the record started (ISO 8601, UTC).</summary>
    public const string IngestedAt = "ingested_at";
}
