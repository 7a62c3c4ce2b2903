namespace Pipeline.Local.Definition;

public sealed record WaitState : State
{
    public double? Seconds { get; init; }

    public string? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? TimestampPath { get; init; }

    /// <summary>JSONata: <c>Seconds</c> or <c>Timestamp</c> given as an expression (<c>{% %}</c>), evaluated when the state runs.</summary>
    public string? SecondsExpression { get; init; }

    public string? TimestampExpression { get; init; }

    public override string Type => "Wait";
}
