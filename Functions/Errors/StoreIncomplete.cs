namespace Pipeline.Functions;

/// <summary>
/// Store gave up: DynamoDB left items unprocessed after every allowed attempt. Lists the keys of
/// the items not written; a retry of the task writes the same keys again.
/// </summary>
public sealed class StoreIncomplete : Exception
{
    private const int KeysInMessage = 100;

    public StoreIncomplete(string table, int attempts, IReadOnlyList<string> unwrittenKeys)
        : base(Describe(table, attempts, unwrittenKeys))
    {
        Table = table;
        Attempts = attempts;
        UnwrittenKeys = unwrittenKeys;
    }

    public string Table { get; }

    public int Attempts { get; }

    /// <summary>The partition keys (<c>pk</c>) of the items that were not written.</summary>
    public IReadOnlyList<string> UnwrittenKeys { get; }

    private static string Describe(string table, int attempts, IReadOnlyList<string> keys)
    {
        var shown = string.Join(", ", keys.Take(KeysInMessage));
        var more = keys.Count > KeysInMessage ? $" and {keys.Count - KeysInMessage} more" : string.Empty;
        return $"{keys.Count} item(s) not written to table {table} after {attempts} attempt(s): {shown}{more}";
    }
}
