using Pipeline.Infra.Aws.Lambda;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// L1: functions run on the newest runtime of their kind: the newest managed .NET runtime, or the newest OS-only
/// runtime (Amazon Linux 2023), which runs a self-contained <c>bootstrap</c> such as a Native AOT executable.
/// </summary>
public sealed class LatestRuntimeRule : IPolicyRule
{
    public static IReadOnlyList<string> LatestRuntimes { get; } = ["provided.al2023", "dotnet10"];

    public string Id => "L1";

    public string Sentence => $"Every function runs on the latest runtime of its kind ({string.Join(" or ", LatestRuntimes)}).";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from function in context.Stack.All<LambdaFunction>()
        where !LatestRuntimes.Contains(function.Runtime)
        select new Finding(Id, function.LogicalName, $"runs on {function.Runtime} instead of {string.Join(" or ", LatestRuntimes)}");
}
