using Pipeline.Functions.Contracts;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Table;

/// <summary>
/// Deterministic item keys: a record's key comes from its id alone, so a retried batch or a
/// re-delivered file writes the same item; the ledger key comes from the source object version.
/// </summary>
public static class ItemKeys
{
    public const string RecordPrefix = "RECORD#";
    public const string RecordSortKey = "RECORD";
    public const string LedgerPrefix = "SOURCE#";
    public const string LedgerSortPrefix = "ETAG#";

    public static string RecordPartitionKey(string id) => RecordPrefix + id;

    public static string LedgerPartitionKey(SourceObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"{LedgerPrefix}{source.Bucket}/{source.Key}";
    }

    public static string LedgerSortKey(SourceObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return LedgerSortPrefix + StorageLayout.NormalizeEtag(source.Etag);
    }
}
