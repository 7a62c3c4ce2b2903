using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Cost;
using Pipeline.Local.Definition;
using Pipeline.Local.Engine;
using Pipeline.Local.Paths;
using Pipeline.Local.Runner;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>exec &lt;definition.json&gt; [--input json|@file] [--history] [--variant standard|express]</c>: runs any ASL
/// definition on the local engine, a stand-in for StartExecution + GetExecutionHistory. Stdout holds the output
/// (or {"error","cause"} with exit code 1) and, with --history, a second line with the events; published SNS messages
/// and a metering summary go to stderr. Exit code 2 means the command could not start the execution. Task states may
/// call the pipeline's own functions; the local servers start on the first such call.
/// </summary>
public static class ExecCommand
{
    private const string UnboundFunctionHint =
        "`exec` binds only the pipeline's own functions: pipeline-local-load-batch, -validate, -transform, -store and -quarantine.";

    public static Command Create()
    {
        var definition = new Argument<FileInfo>("definition") { Description = "The ASL definition (JSON) to run." };
        var input = new Option<string?>("--input") { Description = "The execution input: JSON text, or @path to read it from a file. Defaults to {}." };
        var history = new Option<bool>("--history") { Description = "Also print the execution history (GetExecutionHistory's shape) as a second line." };
        var variant = new Option<string>("--variant") { Description = "Run as a Standard or an Express workflow.", DefaultValueFactory = _ => "standard" };
        variant.AcceptOnlyFromAmong("standard", "express");

        var command = new Command("exec", "Run any ASL definition on the local engine and print its output.")
        {
            definition,
            input,
            history,
            variant,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(definition),
            parseResult.GetValue(input),
            parseResult.GetValue(history),
            parseResult.GetValue(variant) == "express" ? WorkflowVariant.Express : WorkflowVariant.Standard,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo definitionFile, string? inputText, bool printHistory, WorkflowVariant type, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        StateMachine machine;
        JsonNode? input;
        try
        {
            machine = StateMachine.Parse(await File.ReadAllTextAsync(definitionFile.FullName, cancellationToken).ConfigureAwait(false));
            input = await ReadInputAsync(inputText, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDefinitionException or JsonException)
        {
            await stderr.WriteLineAsync($"exec: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }

        // The pipeline's functions need DynamoDB Local and the S3 server: they start on the first call of one.
        await using var functions = new OnDemandPipelineFunctions(stderr);
        var registry = functions.Bind(new TaskRegistry(UnboundFunctionHint));
        var options = new ExecutionOptions { Type = type, StateMachineName = Path.GetFileNameWithoutExtension(definitionFile.Name), KeepHistory = printHistory };
        var result = await new LocalEngine(registry, functions).ExecuteAsync(machine, input, options, cancellationToken).ConfigureAwait(false);

        foreach (var message in registry.Outbox.Messages)
        {
            var subject = message.Subject is null ? string.Empty : $" [{message.Subject}]";
            await stderr.WriteLineAsync($"sns:publish {message.TopicArn}{subject}: {message.Message}").ConfigureAwait(false);
        }

        var printed = result.Status == ExecutionStatus.Succeeded
            ? JsonText.Write(result.Output)
            : JsonText.Write(new JsonObject { ["error"] = result.Error, ["cause"] = result.Cause });
        await stdout.WriteLineAsync(printed).ConfigureAwait(false);
        if (printHistory)
        {
            var events = new JsonArray(result.History.Select(e => (JsonNode?)e.ToJson()).ToArray());
            await stdout.WriteLineAsync(JsonText.Write(new JsonObject { ["events"] = events })).ConfigureAwait(false);
        }

        var cost = CostEstimator.Estimate(result);
        await stderr.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Status}: {result.StateTransitions} state transitions, {result.Duration.TotalSeconds:0.###} s of virtual time; "
            + $"estimated cost ${cost.StandardTotal:0.##########} as Standard, ${cost.ExpressTotal:0.##########} as Express")).ConfigureAwait(false);
        return result.Status == ExecutionStatus.Succeeded ? ExitCodes.Succeeded : ExitCodes.ExecutionFailed;
    }

    private static async Task<JsonNode?> ReadInputAsync(string? inputText, CancellationToken cancellationToken)
    {
        var text = inputText switch
        {
            null => "{}",
            ['@', .. var file] => await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false),
            _ => inputText,
        };
        return JsonNode.Parse(text);
    }
}
