using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Engine;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>engine --bench [--outer 100] [--inner 1000] [--runs 3] [--jsonata]</c>: the engine's own speed, with no task and no server.
/// A Map over <c>outer</c> items runs, for each, a Map over <c>inner</c> items of three Pass states (100 × 1,000 keeps
/// every payload under the 256 KiB quota), and prints per run the wall time, items per second, state transitions and
/// the process's peak resident memory. Exit code 1 when an execution fails.
/// </summary>
public static class EngineBenchCommand
{
    public static Command Create()
    {
        var bench = new Option<bool>("--bench") { Description = "Measure (the only mode of this command; named as the other benchmarks are)." };
        var outer = new Option<int>("--outer") { Description = "Items of the outer Map.", DefaultValueFactory = _ => 100 };
        var inner = new Option<int>("--inner") { Description = "Items of each inner Map.", DefaultValueFactory = _ => 1_000 };
        var runs = new Option<int>("--runs") { Description = "Runs, after one warm-up.", DefaultValueFactory = _ => 3 };
        var jsonata = new Option<bool>("--jsonata") { Description = "The same machine written in JSONata instead of JSONPath." };
        var command = new Command("engine", "Measure the local engine: nested Maps of Pass states, no tasks.") { bench, outer, inner, runs, jsonata };
        command.SetAction((parseResult, cancellationToken) => BenchAsync(
            parseResult.GetValue(outer), parseResult.GetValue(inner), parseResult.GetValue(runs), parseResult.GetValue(jsonata), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    /// <summary>The nested Maps: each inner item goes through Shape, Tag and Keep; the inner results are dropped (ResultPath null).</summary>
    public static string Definition(int inner) => $$"""
        {
          "StartAt": "Outer",
          "States": {
            "Outer": {
              "Type": "Map", "ItemsPath": "$.outer", "MaxConcurrency": 40,
              "ItemProcessor": {
                "StartAt": "Items",
                "States": {
                  "Items": { "Type": "Pass", "Parameters": { "group.$": "$", "items.$": "States.ArrayRange(1, {{inner}}, 1)" }, "Next": "Inner" },
                  "Inner": {
                    "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 40, "ResultPath": null,
                    "ItemSelector": { "group.$": "$.group", "value.$": "$$.Map.Item.Value" },
                    "ItemProcessor": {
                      "StartAt": "Shape",
                      "States": {
                        "Shape": { "Type": "Pass", "Parameters": { "id.$": "States.Format('{}-{}', $.group, $.value)", "value.$": "$.value" }, "Next": "Tag" },
                        "Tag": { "Type": "Pass", "Result": "tagged", "ResultPath": "$.tag", "Next": "Keep" },
                        "Keep": { "Type": "Pass", "OutputPath": "$.id", "End": true }
                      }
                    },
                    "End": true
                  }
                }
              },
              "ResultPath": null,
              "End": true
            }
          }
        }
        """;

    /// <summary>
    /// The same nested Maps in JSONata: each Map keeps its input as its output, as ResultPath null does, and the group
    /// reaches the items through a variable, as a JSONata workflow passes data it needs later.
    /// </summary>
    public static string JsonataDefinition(int inner) => $$"""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Outer",
          "States": {
            "Outer": {
              "Type": "Map", "Items": "{% $states.input.outer %}", "MaxConcurrency": 40, "Output": "{% $states.input %}",
              "ItemProcessor": {
                "StartAt": "Items",
                "States": {
                  "Items": { "Type": "Pass", "Assign": { "group": "{% $states.input %}" }, "Output": { "items": "{% [1..{{inner}}] %}" }, "Next": "Inner" },
                  "Inner": {
                    "Type": "Map", "Items": "{% $states.input.items %}", "MaxConcurrency": 40, "Output": "{% $states.input %}",
                    "ItemSelector": { "group": "{% $group %}", "value": "{% $states.context.Map.Item.Value %}" },
                    "ItemProcessor": {
                      "StartAt": "Shape",
                      "States": {
                        "Shape": { "Type": "Pass", "Output": { "id": "{% $string($states.input.group) & '-' & $string($states.input.value) %}", "value": "{% $states.input.value %}" }, "Next": "Tag" },
                        "Tag": { "Type": "Pass", "Output": "{% $merge([$states.input, {'tag': 'tagged'}]) %}", "Next": "Keep" },
                        "Keep": { "Type": "Pass", "Output": "{% $states.input.id %}", "End": true }
                      }
                    },
                    "End": true
                  }
                }
              },
              "End": true
            }
          }
        }
        """;

    private static async Task<int> BenchAsync(int outer, int inner, int runs, bool jsonata, TextWriter stdout, CancellationToken cancellationToken)
    {
        var machine = StateMachine.Parse(jsonata ? JsonataDefinition(inner) : Definition(inner));
        var input = new JsonObject { ["outer"] = new JsonArray([.. Enumerable.Range(1, outer).Select(i => (JsonNode?)JsonValue.Create(i))]) };
        var engine = new LocalEngine(new TaskRegistry());
        var items = outer * inner;
        await stdout.WriteLineAsync($"engine: Map of {outer} x Map of {inner} items x 3 Pass states ({items:N0} items), {(jsonata ? "JSONata" : "JSONPath")}").ConfigureAwait(false);
        await stdout.WriteLineAsync("run   wall s   items/s   transitions  peak RSS MB  status").ConfigureAwait(false);
        var failed = false;
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = await engine.ExecuteAsync(machine, input, new ExecutionOptions { Type = Workflows.Model.WorkflowVariant.Express, Seed = run }, cancellationToken).ConfigureAwait(false);
            clock.Stop();
            failed |= result.Status != ExecutionStatus.Succeeded;
            using var process = Process.GetCurrentProcess();
            var label = run == 0 ? "warm" : run.ToString(CultureInfo.InvariantCulture);
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{label,-4} {clock.Elapsed.TotalSeconds,7:0.000} {items / clock.Elapsed.TotalSeconds,9:0} {result.StateTransitions,13:N0} {process.PeakWorkingSet64 / 1_048_576.0,12:0}  {result.Status}")).ConfigureAwait(false);
        }

        return failed ? ExitCodes.ExecutionFailed : ExitCodes.Succeeded;
    }
}
