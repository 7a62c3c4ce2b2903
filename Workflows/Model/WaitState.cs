namespace Pipeline.Workflows.Model;

/// <summary>
/// A Wait state; exactly one of <see cref="Seconds"/>, <see cref="Timestamp"/>, <see cref="SecondsPath"/>,
/// <see cref="TimestampPath"/> (JSONPath), <see cref="SecondsExpression"/>, <see cref="TimestampExpression"/> (JSONata) is set.
/// </summary>
public sealed record WaitState(string Name) : FlowState(Name)
{
    public override string Type => "Wait";

    public int? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? SecondsPath { get; init; }

    public string? TimestampPath { get; init; }

    /// <summary>JSONata: a <c>{% %}</c> expression that yields the seconds to wait, rendered as <c>Seconds</c>.</summary>
    public string? SecondsExpression { get; init; }

    /// <summary>JSONata: a <c>{% %}</c> expression that yields the timestamp to wait until, rendered as <c>Timestamp</c>.</summary>
    public string? TimestampExpression { get; init; }

    public static WaitState ForSeconds(string name, int seconds) => new(name) { Seconds = seconds };

    public static WaitState Until(string name, DateTimeOffset timestamp) => new(name) { Timestamp = timestamp };

    public static WaitState ForSecondsAt(string name, string secondsPath) => new(name) { SecondsPath = secondsPath };

    public static WaitState UntilTimestampAt(string name, string timestampPath) => new(name) { TimestampPath = timestampPath };

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(
            ("Seconds", Seconds ?? (object?)SecondsExpression), ("Timestamp", Timestamp ?? (object?)TimestampExpression),
            ("SecondsPath", SecondsPath), ("TimestampPath", TimestampPath)));
}
