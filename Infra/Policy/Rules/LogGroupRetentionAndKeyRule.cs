using Pipeline.Infra.Aws.CloudWatch;

namespace Pipeline.Infra.Policy.Rules;

public sealed class LogGroupRetentionAndKeyRule : IPolicyRule
{
    public string Id => "LOG1";

    public string Sentence => "Every log group expires its events and is encrypted with the project key.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        foreach (var group in context.Stack.All<CloudWatchLogGroup>())
        {
            if (group.RetentionInDays <= 0)
            {
                yield return new Finding(Id, group.LogicalName, "events never expire");
            }

            if (!context.IsProjectKey(group.KmsKeyId))
            {
                yield return new Finding(Id, group.LogicalName, "events are not encrypted with the project key");
            }
        }
    }
}
