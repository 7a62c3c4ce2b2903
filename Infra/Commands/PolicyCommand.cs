using System.CommandLine;
using System.Text;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Policy;
using Pipeline.Infra.Settings;

namespace Pipeline.Infra.Commands;

/// <summary>
/// <c>policy --stack dev|prod</c>: each role's permissions, the findings of every rule and the suppressions;
/// exits 1 when a finding is not suppressed.
/// </summary>
public static class PolicyCommand
{
    public static Command Create()
    {
        var stack = new Option<string>("--stack") { Description = "The stack to check", Required = true }
            .AcceptOnlyFromAmong([.. StackDefaults.KnownStacks]);
        var command = new Command("policy", "Check a stack's IAM and resource policies against the rule set") { stack };
        command.SetAction(parseResult =>
        {
            try
            {
                var root = StackSynthesizer.FindProjectRoot(Directory.GetCurrentDirectory());
                var synthesized = new StackSynthesizer(new StackFileConfigSource(root)).Synthesize(parseResult.GetValue(stack)!, requireSecrets: false);

                // The rules check the package that deploys, so it is built first when stale.
                PackageCommand.EnsureAsync(root, parseResult.InvocationConfiguration.Error).GetAwaiter().GetResult();
                var report = PolicyEngine.Evaluate(synthesized, root);
                parseResult.InvocationConfiguration.Output.Write(Format(new PolicyContext(synthesized, root), report));
                return report.Passed ? 0 : 1;
            }
            catch (ConfigException exception)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });
        return command;
    }

    public static string Format(PolicyContext context, PolicyReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"Stack {report.StackName}: {report.Rules.Count} rules");
        text.AppendLine();
        var permissions = context.Simulator.IdentityStatements
            .OrderBy(role => role.Key, StringComparer.Ordinal)
            .SelectMany(role => role.Value
                .Where(statement => statement.Effect == PolicyEffect.Allow)
                .Select(statement => new[] { role.Key, string.Join(" ", statement.Actions), string.Join(" ", statement.Resources) }))
            .ToList();
        Table(text, ["Role", "Actions", "Resources"], permissions);
        text.AppendLine();
        var open = report.Unsuppressed;
        text.AppendLine($"Findings: {open.Count}");
        Table(text, ["Rule", "Resource", "Message"], open.Select(finding => new[] { finding.RuleId, finding.Resource, finding.Message }).ToList());
        text.AppendLine();
        var applied = report.Applied;
        text.AppendLine($"Suppressions: {applied.Count}");
        Table(text, ["Rule", "Resource", "Reason"], applied.Select(suppression => new[] { suppression.RuleId, suppression.Resource, suppression.Reason }).ToList());
        return text.ToString();
    }

    private static void Table(StringBuilder text, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
        void Row(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((cell, column) => column == cells.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        Row(header);
        Row(widths.Select(width => new string('-', width)).ToArray());
        foreach (var row in rows)
        {
            Row(row);
        }
    }
}
