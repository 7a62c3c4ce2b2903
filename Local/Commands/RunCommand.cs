using System.CommandLine;
using System.Globalization;
using Pipeline.Functions.Configuration;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Packaging;
using Pipeline.Local.Engine;
using Pipeline.Local.Lambda;
using Pipeline.Local.Paths;
using Pipeline.Local.Runner;
using Pipeline.Workflows.Model;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>run &lt;file&gt; [--variant standard|express] [--json]</c>: starts DynamoDB Local and the S3 server, creates the
/// stack's bucket and table, uploads the file and runs the pipeline's own definition on the engine with the real
/// handlers, printing progress and a summary. <c>run --bench [--records N]</c> measures 10,000 and N records end to end.
/// Exit code 0 on success, 1 when the execution fails, 2 when the run could not start.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "The file to upload: JSON array, {\"records\":[...]}, NDJSON or CSV with a header.", Arity = ArgumentArity.ZeroOrOne };
        var variant = new Option<string?>("--variant") { Description = "Start the Standard or the Express state machine; by default the Express one, as the upload rule does, which hands files of 1 MiB or more over to the Standard one." };
        variant.AcceptOnlyFromAmong("standard", "express");
        var json = new Option<bool>("--json") { Description = "Print one JSON summary object instead of progress lines." };
        var bench = new Option<bool>("--bench") { Description = "Generate files of 10,000 and --records records and measure them end to end." };
        var records = new Option<int>("--records") { Description = "Records in the large benchmark file.", DefaultValueFactory = _ => 100_000 };
        var packaged = new Option<bool>("--packaged") { Description = "Invoke the deployment package through a local Lambda Runtime API instead of the handlers in process." };
        var architecture = new Option<string>("--architecture")
        {
            Description = "The package's architecture with --packaged: arm64 (what deploys; emulated on other machines) or x86_64.",
            DefaultValueFactory = _ => FunctionPackage.DeployedArchitecture,
        };
        architecture.AcceptOnlyFromAmong("arm64", "x86_64");
        var countOnly = new Option<bool>("--count-only")
        {
            Description = "With --bench: replace Store by a counting stand-in that writes nothing to DynamoDB, to measure the orchestration and load path at sizes DynamoDB Local cannot take.",
        };

        var command = new Command("run", "Run a file through the pipeline locally: DynamoDB Local, the S3 server and the real handlers.")
        {
            file,
            variant,
            json,
            bench,
            records,
            packaged,
            architecture,
            countOnly,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var chosen = parseResult.GetValue(variant) switch
            {
                "standard" => WorkflowVariant.Standard,
                "express" => WorkflowVariant.Express,
                _ => (WorkflowVariant?)null,
            };
            if (parseResult.GetValue(bench))
            {
                return BenchAsync(parseResult.GetValue(records), chosen, parseResult.GetValue(countOnly), stdout, stderr, cancellationToken);
            }

            if (parseResult.GetValue(file) is not { } input)
            {
                stderr.WriteLine("run: give the file to run, e.g. `run samples/original.json`, or --bench; `redrive <execution>` redrives a failed one");
                return Task.FromResult(ExitCodes.CouldNotRun);
            }

            var package = parseResult.GetValue(packaged) ? parseResult.GetValue(architecture) : null;
            return RunAsync(input, null, chosen, parseResult.GetValue(json), package, stdout, stderr, cancellationToken);
        });
        return command;
    }

    /// <param name="file">The file to upload and run; null for a redrive.</param>
    /// <param name="redrive">The failed execution to redrive (see <see cref="RedriveCommand"/>); null for a file.</param>
    /// <param name="packageArchitecture">Run the deployment package of this architecture; the handlers in process when null.</param>
    internal static async Task<int> RunAsync(
        FileInfo? file, string? redrive, WorkflowVariant? variant, bool json, string? packageArchitecture, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (file is { Exists: false })
        {
            await stderr.WriteLineAsync($"run: no file {file.FullName}").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }

        await using var aws = await LocalServers.ConnectOrStartAsync(AppContext.BaseDirectory, stderr, cancellationToken).ConfigureAwait(false);
        var stack = new LocalStack(aws);
        await stack.CreateAsync(cancellationToken).ConfigureAwait(false);
        Action<string>? progress = json ? null : line => stdout.WriteLine(line);
        // The functions' own output (CloudWatch Logs' view) goes to stderr: stdout holds the run's progress and results.
        await using var lambda = new LocalLambda(PackagedPipelineFunctions.Account(aws), PackagedPipelineFunctions.ServiceVariables(aws), stderr.WriteLine);
        IReadOnlyDictionary<string, FunctionCall>? functions = null;
        if (packageArchitecture is not null)
        {
            var package = await FunctionPackage.EnsureAsync(aws.RepositoryRoot, packageArchitecture, stderr, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync($"Invoking {package} ({packageArchitecture}) through a local Lambda Runtime API").ConfigureAwait(false);
            functions = PackagedPipelineFunctions.Create(lambda, stack, packageArchitecture, package);
        }

        if (redrive is not null && (aws.ServedBy is null || !FailedExecutions.Names(aws.RepositoryRoot).Contains(redrive)))
        {
            await stderr.WriteLineAsync(aws.ServedBy is null
                ? "redrive needs the servers of `serve`: the failed run's upload and table live only there; start `serve`, then run the file"
                : $"redrive: no failed execution {redrive} is kept in {FailedExecutions.Folder(aws.RepositoryRoot)}; kept: {string.Join(", ", FailedExecutions.Names(aws.RepositoryRoot))}").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }

        RunOutcome outcome;
        try
        {
            var runner = new PipelineRunner(stack, functions: functions);
            outcome = redrive is null
                ? await runner.RunAsync(new RunRequest(file!.FullName, variant), progress, cancellationToken).ConfigureAwait(false)
                : await runner.RedriveAsync(redrive, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionNotRedrivableException notRedrivable)
        {
            await stderr.WriteLineAsync($"redrive: {notRedrivable.Message}").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }
        catch (RunInterruptedException interrupted)
        {
            await stderr.WriteLineAsync(
                $"interrupted: {interrupted.Stored} record(s) of s3://{stack.BucketName}/{interrupted.Key} were stored in {interrupted.Chunks} chunk(s); "
                + $"the rest of the file was not processed. The input event is kept in {interrupted.SavedInputPath}.").ConfigureAwait(false);
            await stderr.WriteLineAsync(aws.ServedBy is null
                ? "The local servers stop now, and the table and the bucket go with them: run `serve` in another terminal to keep them between runs."
                : $"The servers of `serve` (process {aws.ServedBy}) keep the table and the bucket: run the file again to finish it; stored chunks are not written twice.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonText.Write(RunSummary.ToJson(outcome))).ConfigureAwait(false);
        }
        else
        {
            foreach (var line in RunSummary.Lines(outcome))
            {
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        if (!outcome.Succeeded)
        {
            await stderr.WriteLineAsync(RunSummary.FailureMessage(outcome)).ConfigureAwait(false);
        }

        return outcome.Succeeded ? ExitCodes.Succeeded : ExitCodes.ExecutionFailed;
    }

    /// <summary>The run's estimated price on the machine that ran it, in parts, and scaled to a million records.</summary>
    private static string CostLine(RunOutcome outcome, int records)
    {
        var cost = outcome.Cost;
        var (machine, machineCost) = outcome.Variant == WorkflowVariant.Standard
            ? ($"{cost.StateTransitions:N0} transitions", cost.StandardCost)
            : ($"{cost.ExpressBilledDuration.TotalSeconds:N1} s at {cost.ExpressBilledMemoryMb} MB", cost.ExpressCost);
        var total = machineCost + cost.ChildCost + cost.LambdaCost;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"estimated cost: {outcome.Variant} machine ${machineCost:0.######} ({machine}) + child executions ${cost.ChildCost:0.######} "
            + $"({cost.ChildExecutions:N0}, {cost.ChildStateTransitions:N0} transitions) + Lambda ${cost.LambdaCost:0.######} "
            + $"({cost.LambdaInvocations:N0} invocations, {cost.LambdaGbSeconds:N1} GB-s) = ${total:0.######}; per 1,000,000 records ${total * 1_000_000m / records:0.####}");
    }

    /// <summary>5 GiB, the most LoadBatch's MAX_OBJECT_BYTES allows.</summary>
    private const long BenchMaxObjectBytes = LoadBatchSettings.LargestMaxObjectBytes;

    private static async Task<int> BenchAsync(int records, WorkflowVariant? variant, bool countOnly, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await stderr.WriteLineAsync("Starting DynamoDB Local and the S3 server...").ConfigureAwait(false);
        await using var aws = await LocalServers.StartAsync(AppContext.BaseDirectory, stderr, cancellationToken).ConfigureAwait(false);
        // Count-only runs go beyond what the stacks let LoadBatch read in one invocation (MAX_OBJECT_BYTES, 256 MiB by default).
        var stack = countOnly
            ? new LocalStack(aws, functionSettings: new Dictionary<string, string> { [EnvironmentVariables.MaxObjectBytes] = BenchMaxObjectBytes.ToString(CultureInfo.InvariantCulture) })
            : new LocalStack(aws);
        await stack.CreateAsync(cancellationToken).ConfigureAwait(false);
        var directory = Directory.CreateTempSubdirectory("pipeline-bench-");
        try
        {
            if (countOnly)
            {
                await stdout.WriteLineAsync("count-only: Store is replaced by a counting stand-in; nothing is written to DynamoDB; LoadBatch may read up to 5 GiB").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync("records   variant    wall s   records/s  chunks  transitions  history  largest payload (state)              status").ConfigureAwait(false);
            var failed = false;
            foreach (var count in new[] { 10_000, records }.Distinct())
            {
                var path = Path.Combine(directory.FullName, $"bench-{count}.ndjson");
                SampleRecords.WriteNdjson(path, count);
                var runner = countOnly
                    ? new PipelineRunner(stack, (id, call) => id == FunctionIds.Store ? CountingStore.Create(aws.S3, stack.BucketName) : call)
                    : new PipelineRunner(stack);
                var outcome = await runner.RunAsync(new RunRequest(path, variant), null, cancellationToken).ConfigureAwait(false);
                failed |= !outcome.Succeeded;
                var seconds = outcome.WallTime.TotalSeconds;
                var quotas = outcome.Execution.Quotas;
                await stdout.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{count,7}   {outcome.Variant,-8} {seconds,8:0.00} {count / seconds,11:0} {outcome.Chunks,7} {outcome.Execution.StateTransitions,12} {quotas.HistoryEvents,8}  {quotas.LargestPayloadBytes,7} ({quotas.LargestPayloadState,-26})  {outcome.Execution.Status}")).ConfigureAwait(false);
                var perFunction = outcome.Execution.LambdaInvocations
                    .GroupBy(call => call.FunctionName)
                    .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key} {group.Count()}x {group.Sum(call => call.Duration.TotalSeconds):0.00} s"));
                await stderr.WriteLineAsync($"          handler time (summed over concurrent calls): {string.Join(", ", perFunction)}").ConfigureAwait(false);
                await stderr.WriteLineAsync($"          {CostLine(outcome, count)}").ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    await stderr.WriteLineAsync($"          {outcome.Execution.Error}: {outcome.Execution.Cause}").ConfigureAwait(false);
                }
            }

            return failed ? ExitCodes.ExecutionFailed : ExitCodes.Succeeded;
        }
        finally
        {
            directory.Delete(true);
        }
    }
}
