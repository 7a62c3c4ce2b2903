namespace Pipeline.Local.Clock;

internal sealed record Deadline(DeadlineKind Kind, DateTimeOffset At, double Seconds);

internal enum DeadlineKind
{
    /// <summary>The execution's TimeoutSeconds, or the Express 5-minute limit.</summary>
    Execution,

    /// <summary>A Task state's TimeoutSeconds.</summary>
    Task,
}

/// <summary>Virtual time reached a deadline; the engine turns it into States.Timeout for a task or the execution.</summary>
internal sealed class DeadlineExceededException : Exception
{
    public DeadlineExceededException(Deadline deadline)
        : base($"The {deadline.Kind} deadline of {deadline.Seconds} s was reached.")
    {
        Deadline = deadline;
    }

    public Deadline Deadline { get; }
}
