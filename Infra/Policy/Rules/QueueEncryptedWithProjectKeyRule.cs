using Pipeline.Infra.Aws.Sqs;

namespace Pipeline.Infra.Policy.Rules;

public sealed class QueueEncryptedWithProjectKeyRule : IPolicyRule
{
    public string Id => "SQS-KMS";

    public string Sentence => "Every queue is encrypted with the project key.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from queue in context.Stack.All<SqsQueue>()
        where !context.IsProjectKey(queue.KmsMasterKeyId)
        select new Finding(Id, queue.LogicalName, "messages are not encrypted with the project key");
}
