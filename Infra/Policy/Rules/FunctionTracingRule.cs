using Pipeline.Infra.Aws.Lambda;

namespace Pipeline.Infra.Policy.Rules;

public sealed class FunctionTracingRule : IPolicyRule
{
    public string Id => "L-TRACING";

    public string Sentence => "Every function has active X-Ray tracing.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from function in context.Stack.All<LambdaFunction>()
        where function.TracingConfig.Mode != "Active"
        select new Finding(Id, function.LogicalName, $"tracing mode is {function.TracingConfig.Mode}, not Active");
}
