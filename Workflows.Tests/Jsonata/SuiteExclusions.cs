namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>
/// Suite cases not run, each with its reason: a whole group ("group") or one case ("group/case"). AWS Step Functions
/// runs JSONata 2.0.6 without $eval, while the suite is that of a later release.
/// </summary>
public static class SuiteExclusions
{
    private const string Newer = "newer than 2.0.6: ";

    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["function-eval"] = "not in AWS: Step Functions removes $eval",
        ["coalescing-operator"] = Newer + "the ?? operator arrived in 2.1.0",
        ["default-operator"] = Newer + "the ?: operator arrived in 2.1.0",
    };

    public static string? ReasonFor(SuiteCase suiteCase) =>
        Reasons.GetValueOrDefault(suiteCase.Id) ?? Reasons.GetValueOrDefault(suiteCase.Group);
}
