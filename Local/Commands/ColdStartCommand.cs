using System.CommandLine;
using System.Globalization;
using Pipeline.Functions.Packaging;
using Pipeline.Local.Lambda;
using Pipeline.Local.Runner;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>coldstart --bench [--runs N] [--architecture x86_64|arm64]</c>: measures the deployment package's cold starts
/// through the local Runtime API. Each run puts the original sample through the packaged pipeline with fresh execution
/// environments, so every function's first invocation is a cold start; the command prints, per function, the median and
/// the slowest of: process start to the runtime's first request for an event (init), process start to the first
/// response, and the process's peak resident memory; then the package's size. Exit code 1 when a run fails.
/// </summary>
public static class ColdStartCommand
{
    public static Command Create()
    {
        var bench = new Option<bool>("--bench") { Description = "Measure (the only mode of this command; named as the other benchmarks are)." };
        var runs = new Option<int>("--runs") { Description = "Pipeline runs, each with fresh execution environments.", DefaultValueFactory = _ => 10 };
        var architecture = new Option<string>("--architecture")
        {
            Description = "The package to measure: this machine's architecture by default (emulated timings are not speed figures).",
            DefaultValueFactory = _ => FunctionPackage.HostArchitecture() ?? FunctionPackage.DeployedArchitecture,
        };
        architecture.AcceptOnlyFromAmong("arm64", "x86_64");
        var command = new Command("coldstart", "Measure the deployment package's cold starts through a local Lambda Runtime API.") { bench, runs, architecture };
        command.SetAction((parseResult, cancellationToken) => BenchAsync(
            parseResult.GetValue(runs), parseResult.GetValue(architecture)!, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> BenchAsync(int runs, string architecture, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await stderr.WriteLineAsync("Starting DynamoDB Local and the S3 server...").ConfigureAwait(false);
        await using var aws = await LocalServers.StartAsync(AppContext.BaseDirectory, stderr, cancellationToken).ConfigureAwait(false);
        var package = await FunctionPackage.EnsureAsync(aws.RepositoryRoot, architecture, stderr, cancellationToken).ConfigureAwait(false);
        var sample = Path.Combine(aws.RepositoryRoot, "samples", "original.json");
        var coldStarts = new List<InvocationOutcome>();
        for (var run = 1; run <= runs; run++)
        {
            var stack = new LocalStack(aws, tableName: $"pipeline-coldstart-{run}");
            await stack.CreateAsync(cancellationToken).ConfigureAwait(false);
            await using var lambda = new LocalLambda(PackagedPipelineFunctions.Account(aws), PackagedPipelineFunctions.ServiceVariables(aws));
            var functions = PackagedPipelineFunctions.Create(lambda, stack, architecture, package);
            var outcome = await new PipelineRunner(stack, functions: functions).RunAsync(new RunRequest(sample), null, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                await stderr.WriteLineAsync($"run {run} failed: {outcome.Execution.Error}: {outcome.Execution.Cause}").ConfigureAwait(false);
                return ExitCodes.ExecutionFailed;
            }

            coldStarts.AddRange(lambda.Outcomes.Where(invocation => invocation.ColdStart));
        }

        await stdout.WriteLineAsync($"{architecture} package, {runs} cold start(s) per function; median / slowest").ConfigureAwait(false);
        await stdout.WriteLineAsync("function                         init ms          first response ms   peak memory MB").ConfigureAwait(false);
        foreach (var function in coldStarts.GroupBy(invocation => invocation.Function).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var init = function.Select(invocation => invocation.InitDuration!.Value.TotalMilliseconds).ToList();
            var response = function.Select(invocation => (invocation.InitDuration!.Value + invocation.Duration).TotalMilliseconds).ToList();
            var memory = function.Select(invocation => invocation.PeakMemoryBytes / 1024.0 / 1024.0).ToList();
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{function.Key,-30} {Median(init),7:0.0} / {init.Max(),6:0.0}   {Median(response),7:0.0} / {response.Max(),6:0.0}   {Median(memory),6:0.0} / {memory.Max(),5:0.0}")).ConfigureAwait(false);
        }

        var entries = FunctionArchive.Read(package);
        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"package {package}: {new FileInfo(package).Length / 1e6:0.00} MB zipped, {entries.Sum(entry => entry.Size) / 1e6:0.00} MB unzipped")).ConfigureAwait(false);
        return ExitCodes.Succeeded;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
