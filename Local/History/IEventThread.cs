namespace Pipeline.Local.History;

/// <summary>
/// The sequential thread of an execution an event happens on (the main flow, a Parallel branch, a Map iteration): AWS
/// links each event to the previous one of its own thread, and stamps it with the thread's virtual time.
/// </summary>
internal interface IEventThread
{
    long LastEventId { get; set; }

    DateTimeOffset UtcNow { get; }
}
