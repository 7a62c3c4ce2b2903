using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Support;

/// <summary>
/// Runs scenarios through <c>tools/iam-check/evaluate.mjs</c>, an IAM evaluator that shares no code with the program's
/// own simulator (<c>@cloud-copilot/iam-simulate</c> from tools/node_modules), in one node process per call.
/// </summary>
public static class IamEvaluator
{
    public static IReadOnlyList<IamVerdict> Evaluate(IReadOnlyList<IamScenario> scenarios)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPath.Of("tools"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPath.Of("tools", "iam-check", "evaluate.mjs"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(new JsonObject { ["scenarios"] = new JsonArray([.. scenarios.Select(scenario => (JsonNode?)scenario.ToJson())]) }.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The IAM evaluator did not finish within 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The IAM evaluator exited with {process.ExitCode}: {error.Result}");
        }

        var verdicts = JsonNode.Parse(output.Result)!.AsArray().Select(verdict => new IamVerdict(
            verdict!["name"]!.GetValue<string>(),
            verdict["result"]?.GetValue<string>(),
            [.. verdict["ignoredContextKeys"]!.AsArray().Select(key => key!.GetValue<string>())],
            verdict["errors"]?.ToJsonString())).ToList();
        if (!verdicts.Select(verdict => verdict.Name).SequenceEqual(scenarios.Select(scenario => scenario.Name)))
        {
            throw new InvalidOperationException($"The IAM evaluator answered {verdicts.Count} scenarios out of order or not all of {scenarios.Count}.");
        }

        return verdicts;
    }
}
