using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.History;

public class HistoryTests
{
    [Fact]
    public async Task History_ShouldUseAwsEventTypesWithSequentialIdsAndLinkedPreviousIds()
    {
        var definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Done"}, "Done": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"a": 1}""");

        result.History.Select(e => e.Type).Should().Equal(
            HistoryEventType.ExecutionStarted,
            HistoryEventType.PassStateEntered,
            HistoryEventType.PassStateExited,
            HistoryEventType.SucceedStateEntered,
            HistoryEventType.SucceedStateExited,
            HistoryEventType.ExecutionSucceeded);
        result.History.Select(e => e.Id).Should().Equal(1, 2, 3, 4, 5, 6);
        result.History.Select(e => e.PreviousEventId).Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task History_ToJson_ShouldMatchGetExecutionHistoryShape()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass" }), """{"a": 1}""");

        var entered = result.Events(HistoryEventType.PassStateEntered).Single().ToJson();

        entered.ShouldBeJson("""
            {"timestamp": "2024-01-01T00:00:00.000Z", "type": "PassStateEntered", "id": 2, "previousEventId": 1,
             "stateEnteredEventDetails": {"name": "S", "input": "{\"a\":1}", "inputDetails": {"truncated": false}}}
            """);
        result.Events(HistoryEventType.ExecutionSucceeded).Single().ToJson()["executionSucceededEventDetails"]!["output"]!
            .GetValue<string>().Should().Be("""{"a":1}""");
    }

    [Fact]
    public async Task MapIterationEvents_ShouldChainToTheirOwnIterationNotToOtherBranches()
    {
        var definition = """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, "[1, 2, 3]");

        var mapStarted = result.Events(HistoryEventType.MapStateStarted).Single();
        foreach (var iteration in result.Events(HistoryEventType.MapIterationStarted))
        {
            iteration.PreviousEventId.Should().Be(mapStarted.Id);
            var entered = result.History.Single(e => e.Type == HistoryEventType.PassStateEntered && e.PreviousEventId == iteration.Id);
            result.History.Should().ContainSingle(e => e.Type == HistoryEventType.PassStateExited && e.PreviousEventId == entered.Id);
        }
    }

    [Fact]
    public async Task StateTransitions_ShouldCountEveryStateEnteredIncludingBranchesAndIterations()
    {
        var definition = """
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Pass", "Next": "Each"},
              "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "A", "States": {
                         "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, "[1, 2, 3]");

        result.StateTransitions.Should().Be(1 + 1 + (3 * 2) + 1);
        result.StateTransitions.Should().Be(result.History.Count(e => e.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FailedExecution_ShouldEndWithExecutionFailedCarryingErrorAndCause()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Fail", ["Error"] = "Invalid", ["Cause"] = "bad file" }));

        var last = result.History[^1];
        last.Type.Should().Be(HistoryEventType.ExecutionFailed);
        last.ToJson()["executionFailedEventDetails"].ShouldBeJson("""{"error": "Invalid", "cause": "bad file"}""");
        result.History.Select(e => e.Type).Should().Contain(HistoryEventType.FailStateEntered);
        new JsonObject { ["error"] = result.Error, ["cause"] = result.Cause }.ShouldBeJson("""{"error": "Invalid", "cause": "bad file"}""");
    }

    /// <summary>GetExecutionHistory does not serve Express executions: the engine does not keep theirs, so their memory does not grow with transitions.</summary>
    [Fact]
    public async Task AnExpressExecution_KeepsNoHistoryByDefault_YetCountsAndReportsEveryEvent()
    {
        var definition = Pipeline.Local.Definition.StateMachine.Parse(Asl.Single(new System.Text.Json.Nodes.JsonObject { ["Type"] = "Pass" }));
        var reported = new List<HistoryEvent>();
        var engine = new Pipeline.Local.Engine.LocalEngine(new Pipeline.Local.Tasks.TaskRegistry());

        var express = await engine.ExecuteAsync(definition, null, new Pipeline.Local.Engine.ExecutionOptions { Type = Workflows.Model.WorkflowVariant.Express, OnEvent = reported.Add });
        var standard = await engine.ExecuteAsync(definition, null, new Pipeline.Local.Engine.ExecutionOptions { Type = Workflows.Model.WorkflowVariant.Standard });

        express.History.Should().BeEmpty();
        express.Quotas.HistoryEvents.Should().Be(4);
        reported.Select(e => e.Type).Should().Equal(
            HistoryEventType.ExecutionStarted, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited, HistoryEventType.ExecutionSucceeded);
        reported.Select(e => e.Id).Should().Equal(1, 2, 3, 4);
        standard.History.Should().HaveCount(4);
    }
}
