namespace Pipeline.Local.Engine;

internal enum DeadlineKind
{
    /// <summary>The execution's TimeoutSeconds, or the Express 5-minute limit.</summary>
    Execution,

    /// <summary>A Task state's TimeoutSeconds.</summary>
    Task,
}
