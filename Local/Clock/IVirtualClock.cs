namespace Pipeline.Local.Clock;

/// <summary>
/// The engine's virtual clock as one execution path sees it. <see cref="Delay"/> advances virtual time at once, so
/// Wait states, Retry intervals and slow handlers cost no real time; crossing a task's or the execution's deadline
/// ends the delay at the deadline with a timeout.
/// </summary>
public interface IVirtualClock
{
    DateTimeOffset UtcNow { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken = default);
}
