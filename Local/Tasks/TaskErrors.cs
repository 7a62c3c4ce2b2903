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

/// <summary>No local implementation serves a Task state's resource.</summary>
public sealed class UnsupportedResourceException : Exception
{
    public UnsupportedResourceException(string message)
        : base(message)
    {
    }

    public UnsupportedResourceException()
    {
    }

    public UnsupportedResourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
