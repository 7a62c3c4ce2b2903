namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>
/// Suite cases not run, each with its reason: a whole group ("group") or one case ("group/case"). AWS Step Functions
/// runs JSONata 2.0.6 without $eval, while the suite is that of a later release. Where 2.0.6 gives a different answer,
/// the case is listed here and the engine gives 2.0.6's answer (see Version206Tests). Where 2.0.6 has no answer (it
/// loops on $formatNumber(0, '0e0'), or fails with a JavaScript TypeError or RangeError: function-formatNumber/issue785
/// and issue786, function-pad/case011-012, function-contains/case007, joins/library-joins[12], wildcards/case010[0-1]),
/// the case runs and the engine gives the later release's answer.
/// </summary>
public static class SuiteExclusions
{
    private const string Newer = "newer than 2.0.6: ";
    private const string Differs = "AWS runs 2.0.6, which differs: ";

    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["function-eval"] = "not in AWS: Step Functions removes $eval",
        ["coalescing-operator"] = Newer + "the ?? operator arrived in 2.1.0",
        ["default-operator"] = Newer + "the ?: operator arrived in 2.1.0",
        ["function-signatures/case035"] = Differs + "arguments matched by a repeated (+) parameter all take the first one's value",
        ["function-signatures/case036"] = Differs + "arguments matched by a repeated (+) parameter all take the first one's value",
        ["function-signatures/case037"] = Differs + "arguments matched by a repeated (+) parameter all take the first one's value",
        ["function-signatures/case038"] = Differs + "arguments matched by a repeated (+) parameter all take the first one's value",
        ["function-string/case030"] = Differs + "$string rounds every number, integers too, to 15 significant digits",
        ["function-tomillis/case013"] = Differs + "only Y, M and D markers have a fixed width when $toMillis reads a picture (2.1.0 extended it)",
        ["function-tomillis/parseDateTime[46]"] = Differs + "[f] is read as a count of milliseconds (2.1.1 reads it as a fraction)",
    };

    public static string? ReasonFor(SuiteCase suiteCase) =>
        Reasons.GetValueOrDefault(suiteCase.Id) ?? Reasons.GetValueOrDefault(suiteCase.Group);
}
