namespace Pipeline.Local.Tasks;

/// <summary>A task failed with an error name (what Retry/Catch match) and a cause.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string error, string? cause)
        : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }
}
