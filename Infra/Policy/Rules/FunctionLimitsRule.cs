using Pipeline.Infra.Aws.Lambda;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>Lambda's defaults (128 MB, 3 s) are what a function gets when nobody chose; a chosen value differs from them.</summary>
public sealed class FunctionLimitsRule : IPolicyRule
{
    public const int DefaultMemoryMb = 128;
    public const int DefaultTimeoutSeconds = 3;

    public string Id => "L-LIMITS";

    public string Sentence => "Every function sets its memory and timeout explicitly, within Lambda's limits.";

    public IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        foreach (var function in context.Stack.All<LambdaFunction>())
        {
            if (function.MemorySize is DefaultMemoryMb or < 128 or > 10_240)
            {
                yield return new Finding(Id, function.LogicalName, $"memory {function.MemorySize} MB is Lambda's default or outside 128-10240");
            }

            if (function.Timeout is DefaultTimeoutSeconds or < 1 or > 900)
            {
                yield return new Finding(Id, function.LogicalName, $"timeout {function.Timeout} s is Lambda's default or outside 1-900");
            }
        }
    }
}
