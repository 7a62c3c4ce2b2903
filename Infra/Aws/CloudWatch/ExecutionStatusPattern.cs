using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

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
