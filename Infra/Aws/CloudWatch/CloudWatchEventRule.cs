using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>An EventBridge rule on the default bus.</summary>
public sealed record CloudWatchEventRule : Resource
{
    public static readonly ResourceType Token = new("cloudwatch", "EventRule");

    public CloudWatchEventRule(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>An <see cref="EventPattern"/> or an <see cref="ExecutionStatusPattern"/>.</summary>
    public required IJsonDocument EventPattern { get; init; }

    public override IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("name", Name),
        new("description", Description),
        new("eventPattern", EventPattern),
    ];
}
