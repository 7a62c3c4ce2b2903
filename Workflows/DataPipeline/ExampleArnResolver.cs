using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.DataPipeline;

/// <summary>
/// Resolves resources to example ARNs (account 123456789012, us-east-1): functions become
/// <c>pipeline-&lt;stack&gt;-&lt;id in kebab case&gt;</c>, the notification topic <c>pipeline-&lt;stack&gt;-notifications</c>,
/// the Standard state machine <c>pipeline-&lt;stack&gt;-standard</c>, the ingest bucket <c>pipeline-&lt;stack&gt;-ingest</c> (a name, not an ARN).
/// </summary>
public sealed class ExampleArnResolver(string stack = "dev") : IResourceResolver
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    private static readonly Dictionary<string, string> TopicNames = new(StringComparer.Ordinal)
    {
        ["NotificationTopic"] = "notifications",
    };

    private static readonly Dictionary<string, string> MachineNames = new(StringComparer.Ordinal)
    {
        [PipelineWorkflow.StandardMachineId] = "standard",
    };

    public string Stack { get; } = stack;

    public string Resolve(ResourceRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Kind switch
        {
            ResourceKind.Function => $"arn:aws:lambda:{Region}:{Account}:function:{FunctionNames.Of($"pipeline-{Stack}", reference.Id)}",
            ResourceKind.Topic when TopicNames.TryGetValue(reference.Id, out var name) => $"arn:aws:sns:{Region}:{Account}:pipeline-{Stack}-{name}",
            ResourceKind.StateMachine when MachineNames.TryGetValue(reference.Id, out var name) => $"arn:aws:states:{Region}:{Account}:stateMachine:pipeline-{Stack}-{name}",
            ResourceKind.Bucket when reference.Id == PipelineWorkflow.IngestBucketId => $"pipeline-{Stack}-ingest",
            _ => throw new ArgumentException($"No example ARN for {reference}.", nameof(reference)),
        };
    }
}
