namespace Pipeline.Infra.Policy;

/// <summary>An accepted finding: the rule, the resource it is accepted on, and why.</summary>
public sealed record Suppression(string RuleId, string Resource, string Reason)
{
    public bool Covers(Finding finding) => finding.RuleId == RuleId && finding.Resource == Resource;
}
