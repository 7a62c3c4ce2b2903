using Pipeline.Infra.Model;

namespace Pipeline.Infra.Policy;

/// <summary>Runs rules over a synthesized stack and applies the suppressions.</summary>
public static class PolicyEngine
{
    public static PolicyReport Evaluate(Stack stack, string projectRoot) => Evaluate(stack, projectRoot, PolicyRules.All, PolicySuppressions.All);

    public static PolicyReport Evaluate(Stack stack, string projectRoot, IReadOnlyList<IPolicyRule> rules, IReadOnlyList<Suppression> suppressions)
    {
        var context = new PolicyContext(stack, projectRoot);
        var findings = rules.SelectMany(rule => rule.Evaluate(context)).ToList();
        return new PolicyReport(stack.Name, rules, findings, suppressions);
    }
}
