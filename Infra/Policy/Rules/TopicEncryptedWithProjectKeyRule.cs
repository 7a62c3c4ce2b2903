using Pipeline.Infra.Aws.Sns;

namespace Pipeline.Infra.Policy.Rules;

public sealed class TopicEncryptedWithProjectKeyRule : IPolicyRule
{
    public string Id => "SNS-KMS";

    public string Sentence => "Every topic is encrypted with the project key.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from topic in context.Stack.All<SnsTopic>()
        where !context.IsProjectKey(topic.KmsMasterKeyId)
        select new Finding(Id, topic.LogicalName, "messages are not encrypted with the project key");
}
