using Pipeline.Infra.Aws.Sqs;

namespace Pipeline.Infra.Policy.Rules;

public sealed class QueueRequiresTlsRule : IPolicyRule
{
    public string Id => "SQS4";

    public string Sentence => "Every queue policy denies requests that do not use TLS.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from queue in context.Stack.All<SqsQueue>()
        let policy = context.Attached<SqsQueuePolicy>(queue, policy => policy.QueueUrl).FirstOrDefault()?.Policy
        where !context.DeniesInsecureTransport(policy, "sqs:SendMessage", context.Resolver.Arn(queue))
            || !context.DeniesInsecureTransport(policy, "sqs:ReceiveMessage", context.Resolver.Arn(queue))
        select new Finding(Id, queue.LogicalName, "the queue policy does not deny requests without TLS");
}
