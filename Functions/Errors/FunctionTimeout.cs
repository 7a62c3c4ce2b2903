namespace Pipeline.Functions;

/// <summary>
/// The function was stopped just before Lambda's deadline, so the workflow sees this named error (and the logs say
/// where it stood) instead of a killed sandbox. The class name is the error name the workflow sees.
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
