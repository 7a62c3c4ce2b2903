using Pipeline.Infra.Aws.Sns;

namespace Pipeline.Infra.Policy.Rules;

public sealed class TopicRequiresTlsRule : IPolicyRule
{
    public string Id => "SNS3";

    public string Sentence => "Every topic policy denies publishing without TLS.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from topic in context.Stack.All<SnsTopic>()
        let policy = context.Attached<SnsTopicPolicy>(topic, policy => policy.Arn).FirstOrDefault()?.Policy
        where !context.DeniesInsecureTransport(policy, "sns:Publish", context.Resolver.Arn(topic))
        select new Finding(Id, topic.LogicalName, "the topic policy does not deny publishing without TLS");
}
