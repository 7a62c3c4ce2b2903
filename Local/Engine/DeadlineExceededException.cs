namespace Pipeline.Local.Engine;

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
