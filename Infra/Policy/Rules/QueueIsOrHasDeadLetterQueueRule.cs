using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Sqs;

namespace Pipeline.Infra.Policy.Rules;

public sealed class QueueIsOrHasDeadLetterQueueRule : IPolicyRule
{
    public string Id => "SQS3";

    public string Sentence => "Every queue is a dead-letter queue of something in the stack, or has one.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        var deadLetterArns = context.Stack.All<CloudWatchEventTarget>()
            .Select(target => context.Resolver.Resolve(target.DeadLetterConfig.Arn))
            .ToHashSet(StringComparer.Ordinal);
        return from queue in context.Stack.All<SqsQueue>()
               where !deadLetterArns.Contains(context.Resolver.Arn(queue))
               select new Finding(Id, queue.LogicalName, "the queue neither is a dead-letter queue nor has one");
    }
}
