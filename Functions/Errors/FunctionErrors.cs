namespace Pipeline.Functions.Errors;

// The errors a function ends with, one class per error. Lambda reports an exception by its simple class name, and that
// is the error name the workflow's Retry and Catch match: renaming a class here changes the workflow's contract.

/// <summary>An uploaded file that cannot be read as records.</summary>
public sealed class InvalidInput : Exception
{
    public InvalidInput(string file, long? line, long? bytePosition, string problem)
        : base(Describe(file, line, bytePosition, problem))
    {
        File = file;
        Line = line;
        BytePosition = bytePosition;
        Problem = problem;
    }

    /// <summary>The file as <c>s3://bucket/key</c>.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem, when the format has lines.</summary>
    public long? Line { get; }

    /// <summary>0-based byte offset of the problem from the start of the file.</summary>
    public long? BytePosition { get; }

    public string Problem { get; }

    private static string Describe(string file, long? line, long? bytePosition, string problem)
    {
        var where = (line, bytePosition) switch
        {
            ({ } l, { } b) => $" line {l}, byte {b}",
            ({ } l, null) => $" line {l}",
            (null, { } b) => $" byte {b}",
            _ => string.Empty,
        };
        return $"{file}{where}: {problem}";
    }
}

/// <summary>
/// The payload a function received is not its request type: a wiring fault between the workflow and the function,
/// never retried.
/// </summary>
public sealed class InvalidPayload : Exception
{
    public InvalidPayload(string requestType, string problem)
        : base($"the payload is not a {requestType}: {problem}")
    {
        RequestType = requestType;
    }

    public string RequestType { get; }
}

/// <summary>A handler's environment is missing a variable or holds a value it cannot use.</summary>
public sealed class InvalidConfiguration : Exception
{
    public InvalidConfiguration(string variable, string problem)
        : base($"environment variable {variable}: {problem}")
    {
        Variable = variable;
    }

    public string Variable { get; }
}

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

/// <summary>
/// The records of a run do not add up: some were neither stored nor quarantined. The run fails naming the difference
/// rather than report a success that lost records.
/// </summary>
public sealed class RecordsUnaccounted(string file, string difference) : Exception($"{file}: {difference}")
{
    public string File { get; } = file;
}

/// <summary>
/// The function was stopped just before Lambda's deadline, so the workflow sees this named error (and the logs say
/// where it stood) instead of a killed sandbox.
/// </summary>
public sealed class FunctionTimeout : Exception
{
    public FunctionTimeout(string functionId, DateTimeOffset deadline, TimeSpan margin)
        : base($"{functionId} was stopped {margin.TotalMilliseconds:0} ms before its deadline {deadline:O}; raise the function's timeout or reduce the work per invocation")
    {
        FunctionId = functionId;
        Deadline = deadline;
    }

    public string FunctionId { get; }

    public DateTimeOffset Deadline { get; }
}
