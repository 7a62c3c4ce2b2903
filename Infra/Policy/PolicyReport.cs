namespace Pipeline.Infra.Policy;

/// <summary>The findings of every rule on one stack, split into those still open and those suppressed.</summary>
public sealed record PolicyReport(
    string StackName,
    IReadOnlyList<IPolicyRule> Rules,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Suppression> Suppressions)
{
    public IReadOnlyList<Finding> Unsuppressed =>
        Findings.Where(finding => !Suppressions.Any(suppression => suppression.Covers(finding))).ToList();

    /// <summary>The suppressions that matched a finding on this stack.</summary>
    public IReadOnlyList<Suppression> Applied =>
        Suppressions.Where(suppression => Findings.Any(suppression.Covers)).ToList();

    public bool Passed => Unsuppressed.Count == 0;
}
