namespace Pipeline.Infra.Tests.Policy;

/// <summary>A change to a synthesized stack that breaks exactly one rule.</summary>
public sealed record StackMutation(string RuleId, string Description, string StackName, Func<Stack, Stack> Apply)
{
    public override string ToString() => $"{RuleId}: {Description}";
}
