using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Lambda;

namespace Pipeline.Infra.Policy.Rules;

public sealed class FunctionLogGroupRule : IPolicyRule
{
    public string Id => "L-LOGS";

    public string Sentence => "Every function logs to its own log group declared in the stack (so retention and encryption apply).";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        var groups = context.Stack.All<CloudWatchLogGroup>().Select(group => group.Name).ToHashSet(StringComparer.Ordinal);
        var functions = context.Stack.All<LambdaFunction>().ToList();
        foreach (var function in functions)
        {
            var group = context.Resolver.Resolve(function.LoggingConfig.LogGroup);
            if (!groups.Contains(group))
            {
                yield return new Finding(Id, function.LogicalName, $"logs to {group}, which the stack does not declare");
            }
            else if (functions.Count(other => context.Resolver.Resolve(other.LoggingConfig.LogGroup) == group) > 1)
            {
                yield return new Finding(Id, function.LogicalName, $"shares the log group {group} with another function");
            }
        }
    }
}
