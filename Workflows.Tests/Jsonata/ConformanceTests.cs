using System.Text;
using Xunit.Abstractions;

namespace Pipeline.Workflows.Tests.Jsonata;

public sealed class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> RunnableCases()
    {
        var data = new TheoryData<string>();
        foreach (var suiteCase in ConformanceSuite.Cases.Values.Where(c => SuiteExclusions.ReasonFor(c) is null))
            data.Add(suiteCase.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableCases))]
    public void SuiteCase_ShouldMeetItsExpectation(string id)
    {
        var failure = SuiteRunner.Run(ConformanceSuite.Cases[id]);

        failure.Should().BeNull(ConformanceSuite.Cases[id].Expression);
    }

    public static TheoryData<string, string> ExcludedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var suiteCase in ConformanceSuite.Cases.Values)
        {
            if (SuiteExclusions.ReasonFor(suiteCase) is { } reason)
                data.Add(suiteCase.Id, reason);
        }

        return data;
    }

    /// <summary>Shows each case not run, with its reason, among the skipped tests of a run.</summary>
    [Theory]
    [MemberData(nameof(ExcludedCases), Skip = "excluded from the conformance run; the reason is the second argument")]
    public void ExcludedSuiteCase_ShouldHaveAReason(string id, string reason)
    {
        ConformanceSuite.Cases.Should().ContainKey(id);
        reason.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Exclusions_ShouldNameOnlyGroupsAndCasesOfTheSuite()
    {
        var names = ConformanceSuite.Cases.Values.SelectMany(c => new[] { c.Id, c.Group }).ToHashSet(StringComparer.Ordinal);

        SuiteExclusions.Reasons.Keys.Where(key => !names.Contains(key)).Should().BeEmpty();
    }

    [Fact]
    public void Report_ShouldAccountForEveryCaseWithNoRunnableCaseFailing()
    {
        var report = SuiteReport.Build(ConformanceSuite.Cases.Values);

        output.WriteLine(report.Markdown);
        if (Environment.GetEnvironmentVariable("UPDATE_SUITE_RESULTS") == "1")
            File.WriteAllText(Path.Combine(RepositoryRoot.Path, "Workflows.Tests", "Jsonata", "SUITE-RESULTS.md"), report.Markdown, new UTF8Encoding(false));
        (report.Passed + report.Failed + report.Skipped).Should().Be(ConformanceSuite.Cases.Count);
        report.Failed.Should().Be(0);
    }
}
