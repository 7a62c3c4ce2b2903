using System.Text;

namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>The suite's figures per group: passed, failed and skipped (with the reasons), and the totals.</summary>
public sealed record SuiteReport(int Passed, int Failed, int Skipped, string Markdown)
{
    public static SuiteReport Build(IEnumerable<SuiteCase> cases)
    {
        var rows = new List<(string Group, int Passed, int Failed, int Skipped, string Reasons)>();
        var failures = new List<string>();
        foreach (var group in cases.GroupBy(c => c.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int passed = 0, failed = 0, skipped = 0;
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var suiteCase in group)
            {
                if (SuiteExclusions.ReasonFor(suiteCase) is { } reason)
                {
                    skipped++;
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                    continue;
                }

                if (SuiteRunner.Run(suiteCase) is { } failure)
                {
                    failed++;
                    failures.Add($"- `{suiteCase.Id}`: {failure}");
                }
                else
                {
                    passed++;
                }
            }

            rows.Add((group.Key, passed, failed, skipped, string.Join("; ", reasons.Select(r => $"{r.Key} ({r.Value})"))));
        }

        var text = new StringBuilder();
        text.AppendLine("# JSONata conformance suite results").AppendLine();
        text.AppendLine("The reference test suite (`Suite/`) run against `Pipeline.Workflows.Jsonata` as AWS Step Functions runs JSONata");
        text.AppendLine("(2.0.6, without `$eval`). Regenerate with `UPDATE_SUITE_RESULTS=1 dotnet test Workflows.Tests --filter \"FullyQualifiedName~Jsonata\"`.");
        text.AppendLine();
        var totalPassed = rows.Sum(r => r.Passed);
        var totalFailed = rows.Sum(r => r.Failed);
        var totalSkipped = rows.Sum(r => r.Skipped);
        text.AppendLine($"**Total: {totalPassed} passed, {totalFailed} failed, {totalSkipped} skipped of {totalPassed + totalFailed + totalSkipped} cases.**").AppendLine();
        text.AppendLine("| group | passed | failed | skipped (reasons) |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var row in rows)
            text.AppendLine($"| {row.Group} | {row.Passed} | {row.Failed} | {row.Skipped}{(row.Reasons.Length > 0 ? " (" + row.Reasons + ")" : "")} |");
        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine("## Failures").AppendLine();
            foreach (var failure in failures)
                text.AppendLine(failure);
        }

        return new SuiteReport(totalPassed, totalFailed, totalSkipped, text.ToString());
    }
}
