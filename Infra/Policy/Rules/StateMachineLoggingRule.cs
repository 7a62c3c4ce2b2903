using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Sfn;

namespace Pipeline.Infra.Policy.Rules;

public sealed class StateMachineLoggingRule : IPolicyRule
{
    public string Id => "SF1";

    public string Sentence =>
        "Every state machine logs ALL events to a log group of the stack; an Express machine also logs execution data, its only history.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        var logGroups = context.Stack.All<CloudWatchLogGroup>().Select(group => context.Resolver.Arn(group) + ":*").ToHashSet(StringComparer.Ordinal);
        foreach (var machine in context.Stack.All<SfnStateMachine>())
        {
            var logging = machine.LoggingConfiguration;
            if (logging.Level != "ALL")
            {
                yield return new Finding(Id, machine.LogicalName, $"logs at level {logging.Level} instead of ALL");
            }

            if (!logGroups.Contains(context.Resolver.Resolve(logging.LogDestination)))
            {
                yield return new Finding(Id, machine.LogicalName, "does not log to a log group of the stack");
            }

            if (machine.Type == "EXPRESS" && !logging.IncludeExecutionData)
            {
                yield return new Finding(Id, machine.LogicalName, "an Express machine does not log execution data");
            }
        }
    }
}
