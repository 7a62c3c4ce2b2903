namespace Pipeline.Local.Engine;

internal sealed record Deadline(DeadlineKind Kind, DateTimeOffset At, double Seconds);
