using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

/// <summary>The quotas AWS enforces on an execution, enforced and reported the same way locally.</summary>
public class QuotaTests
{
    /// <summary>
    /// Counts <c>$.n</c> up to <paramref name="iterations"/>: ExecutionStarted, then 4 events per iteration (Pass and Choice,
    /// entered and exited), then the Succeed state's 2 and ExecutionSucceeded: 4 × iterations + 4 events in all.
    /// </summary>
    private static string Loop(int iterations) => $$"""
        {
          "StartAt": "Count",
          "States": {
            "Count": { "Type": "Pass", "Parameters": { "n.$": "States.MathAdd($.n, 1)" }, "Next": "Done?" },
            "Done?": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericLessThan": {{iterations}}, "Next": "Count" } ], "Default": "Done" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    [Fact]
    public async Task StandardExecution_WhoseEvent25000IsItsSuccess_Succeeds()
    {
        var result = await Asl.RunAsync(Loop(6_249), """{"n": 0}""");

        result.ShouldSucceed();
        result.History.Should().HaveCount(ExecutionQuotas.HistoryEvents);
        result.Quotas.HistoryEvents.Should().Be(ExecutionQuotas.HistoryEvents);
    }

    [Fact]
    public async Task StandardExecution_ThatNeedsOneMoreEvent_FailsWithItsEvent25000()
    {
        var result = await Asl.RunAsync(Loop(6_250), """{"n": 0}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("maximum number of events in its history (25,000)");
        result.History.Should().HaveCount(ExecutionQuotas.HistoryEvents);
        result.History[^1].Type.Should().Be(HistoryEventType.ExecutionFailed);
    }

    [Fact]
    public async Task ExpressExecution_HasNoHistoryQuota_AndReportsItsDurationAgainstFiveMinutes()
    {
        var result = await Asl.RunAsync(Loop(6_250), """{"n": 0}""", options: Asl.Options(WorkflowVariant.Express));

        result.ShouldSucceed();
        result.Quotas.HistoryEvents.Should().Be(25_004);
        result.Quotas.DurationLimitSeconds.Should().Be(ExecutionQuotas.ExpressSeconds);
        result.Quotas.Lines().First().Should().Be("history events: 25,004 (Express keeps no history on AWS)");
    }

    [Fact]
    public async Task InlineMap_WithoutAConcurrencyLimit_RunsAtMost40IterationsAtOnce()
    {
        // 100 iterations of a 1-second Wait: 40 at a time take 3 virtual seconds, not 1.
        var definition = """
            {
              "StartAt": "Each",
              "States": {
                "Each": {
                  "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 0,
                  "ItemProcessor": { "ProcessorConfig": { "Mode": "INLINE" }, "StartAt": "Wait", "States": { "Wait": { "Type": "Wait", "Seconds": 1, "End": true } } },
                  "End": true
                }
              }
            }
            """;
        var input = new JsonObject { ["items"] = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)i)]) };

        var result = await Asl.RunAsync(definition, input.ToJsonString());

        result.ShouldSucceed();
        (result.StopTime - result.StartTime).Should().Be(TimeSpan.FromSeconds(3));
        result.Quotas.PeakMapConcurrency.Should().BeInRange(1, ExecutionQuotas.InlineMapConcurrency);
    }

    [Fact]
    public async Task LargestPayload_IsReportedWithTheStateThatCarriedIt()
    {
        var definition = Asl.Single(new JsonObject { ["Type"] = "Pass", ["Result"] = new string('x', 1_000) });

        var result = await Asl.RunAsync(definition);

        result.Quotas.LargestPayloadBytes.Should().Be(1_002);
        result.Quotas.LargestPayloadState.Should().Be("S output");
        result.Quotas.Lines().Should().Contain("largest payload: 1,002 of 262,144 bytes (S output), 0.4%");
    }
}
