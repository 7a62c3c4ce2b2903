using Pipeline.Infra.Aws;

namespace Pipeline.Infra.Policy.Rules;

public sealed class LatestDotnetRuntimeRule : IPolicyRule
{
    public const string LatestRuntime = "dotnet10";

    public string Id => "L1";

    public string Sentence => $"Every function runs on the latest managed .NET runtime ({LatestRuntime}).";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from function in context.Stack.All<LambdaFunction>()
        where function.Runtime != LatestRuntime
        select new Finding(Id, function.LogicalName, $"runs on {function.Runtime} instead of {LatestRuntime}");
}
