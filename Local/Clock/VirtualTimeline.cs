namespace Pipeline.Local.Clock;

/// <summary>
/// The virtual time of one execution path (the main flow, one Parallel branch or one Map iteration). A path is
/// sequential, so its timeline needs no locking; branches get their own forked timeline and the parent joins them.
/// </summary>
internal sealed class VirtualTimeline : IVirtualClock
{
    private readonly List<Deadline> deadlines;

    public VirtualTimeline(DateTimeOffset start, IEnumerable<Deadline> deadlines)
    {
        UtcNow = start;
        this.deadlines = [.. deadlines];
    }

    public DateTimeOffset UtcNow { get; private set; }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AdvanceTo(UtcNow + delay);
        return Task.CompletedTask;
    }

    /// <summary>Moves time forward; stops at the earliest deadline before <paramref name="target"/> and throws.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        if (target <= UtcNow)
        {
            return;
        }

        var crossed = deadlines.Where(d => d.At < target).MinBy(d => d.At);
        if (crossed is not null)
        {
            UtcNow = crossed.At > UtcNow ? crossed.At : UtcNow;
            throw new DeadlineExceededException(crossed);
        }

        UtcNow = target;
    }

    /// <summary>Continues after forked branches: time is the latest of theirs (they ran side by side).</summary>
    public void JoinAt(DateTimeOffset end)
    {
        if (end > UtcNow)
        {
            UtcNow = end;
        }
    }

    public void Push(Deadline deadline) => deadlines.Add(deadline);

    public void Pop(Deadline deadline) => deadlines.Remove(deadline);

    public VirtualTimeline Fork(DateTimeOffset start) => new(start, deadlines);
}
