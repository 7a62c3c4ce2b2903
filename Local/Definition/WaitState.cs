namespace Pipeline.Local.Definition;

public sealed record WaitState : State
{
    public double? Seconds { get; init; }

    public string? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? TimestampPath { get; init; }

    public override string Type => "Wait";
}
