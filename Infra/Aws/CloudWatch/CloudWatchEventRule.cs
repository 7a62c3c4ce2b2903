using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.CloudWatch;

/// <summary>An EventBridge rule on the default bus.</summary>
public sealed partial record CloudWatchEventRule : Resource
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
}

/// <summary>
/// The pattern of an S3 "Object Created" rule: one bucket and keys under a prefix. It compares no number: EventBridge's
/// numeric matching covers only ±1e9, so a size comparison would let larger objects match no rule.
/// </summary>
public sealed record EventPattern(Input BucketName, string KeyPrefix) : IJsonDocument
{
    public const string Source = "aws.s3";
    public const string DetailType = "Object Created";

    public Node ToNode() => Nodes.Object(
        ("source", Nodes.Strings([Source])),
        ("detail-type", Nodes.Strings([DetailType])),
        ("detail", Nodes.Object(
            ("bucket", Nodes.Object(("name", Nodes.Strings([BucketName])))),
            ("object", Nodes.Object(
                ("key", Nodes.Array(Nodes.Object(("prefix", Nodes.String(KeyPrefix))))))))));
}

/// <summary>
/// The pattern of a Step Functions "Execution Status Change" rule: one state machine's executions reaching one of the
/// given statuses. Only Standard state machines send these events.
/// </summary>
public sealed record ExecutionStatusPattern(Input StateMachineArn, IReadOnlyList<string> Statuses) : IJsonDocument
{
    public const string Source = "aws.states";
    public const string DetailType = "Step Functions Execution Status Change";

    public Node ToNode() => Nodes.Object(
        ("source", Nodes.Strings([Source])),
        ("detail-type", Nodes.Strings([DetailType])),
        ("detail", Nodes.Object(
            ("stateMachineArn", Nodes.Strings([StateMachineArn])),
            ("status", Nodes.Strings([.. Statuses.Select(status => (Input)status)])))));
}
