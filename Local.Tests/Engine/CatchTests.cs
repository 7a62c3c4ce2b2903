using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

public class CatchTests
{
    private static readonly TaskRegistry Failing = new TaskRegistry()
        .RegisterFunction("Load", (JsonNode? _, CancellationToken _) => throw new InvalidInput("line 3 is not JSON"));

    private static string Definition(string catcher) => """
        {"StartAt": "Load", "States": {
          "Load": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "Load", "Payload.$": "$"},
                   "Retry": [{"ErrorEquals": ["InvalidInput"], "IntervalSeconds": 1, "MaxAttempts": 1}],
                   "Catch": [<<0>>], "Next": "Unreached"},
          "Unreached": {"Type": "Fail", "Error": "Unreached"},
          "Handle": {"Type": "Pass", "End": true}}}
        """.Replace("<<0>>", catcher, StringComparison.Ordinal);

    [Fact]
    public async Task Catch_WhenResultPathIsSet_ShouldKeepTheInputAndAddTheError()
    {
        var result = await Asl.RunAsync(Definition("""{"ErrorEquals": ["InvalidInput"], "ResultPath": "$.error", "Next": "Handle"}"""), """{"key": "in.json"}""", Failing);

        result.ShouldSucceed();
        result.Output!["key"]!.GetValue<string>().Should().Be("in.json");
        result.Output["error"]!["Error"]!.GetValue<string>().Should().Be("InvalidInput");
        var cause = JsonNode.Parse(result.Output["error"]!["Cause"]!.GetValue<string>())!;
        cause["errorType"]!.GetValue<string>().Should().Be("InvalidInput");
        cause["errorMessage"]!.GetValue<string>().Should().Be("line 3 is not JSON");
        cause.AsObject().Select(property => property.Key).Should().Equal(["errorType", "errorMessage"], "a cause carries no stack trace: that is the log's");
    }

    [Fact]
    public async Task Catch_WhenResultPathIsAbsent_ShouldReplaceTheInputWithTheError()
    {
        var result = await Asl.RunAsync(Definition("""{"ErrorEquals": ["States.ALL"], "Next": "Handle"}"""), """{"key": "in.json"}""", Failing);

        result.ShouldSucceed();
        result.Output!.AsObject().Select(p => p.Key).Should().Equal("Error", "Cause");
    }

    [Fact]
    public async Task Catch_WhenResultPathIsNull_ShouldPassTheInputThrough()
    {
        var result = await Asl.RunAsync(Definition("""{"ErrorEquals": ["States.TaskFailed"], "ResultPath": null, "Next": "Handle"}"""), """{"key": "in.json"}""", Failing);

        result.Output.ShouldBeJson("""{"key": "in.json"}""");
    }

    [Fact]
    public async Task Catch_ShouldApplyOnlyAfterRetriesAreSpent()
    {
        var result = await Asl.RunAsync(Definition("""{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Handle"}"""), "{}", Failing);

        result.Events(HistoryEventType.TaskFailed).Should().HaveCount(2);
        result.Events(HistoryEventType.TaskStateExited).Single().SecondsAfterStart().Should().Be(1);
        result.History.Select(e => e.Type).Should().ContainInOrder(
            HistoryEventType.TaskFailed, HistoryEventType.TaskScheduled, HistoryEventType.TaskFailed, HistoryEventType.TaskStateExited, HistoryEventType.PassStateEntered);
    }

    [Fact]
    public async Task Catch_WhenErrorIsNotListed_ShouldLetTheExecutionFail()
    {
        var result = await Asl.RunAsync(Definition("""{"ErrorEquals": ["SomethingElse"], "Next": "Handle"}"""), "{}", Failing);

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("InvalidInput");
        result.Events(HistoryEventType.ExecutionFailed).Single().Details["error"]!.GetValue<string>().Should().Be("InvalidInput");
    }

    [Fact]
    public async Task Catch_OnAParallelState_ShouldCatchAFailStateInsideABranch()
    {
        var definition = """
            {"StartAt": "Work", "States": {
              "Work": {"Type": "Parallel", "Branches": [
                         {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                         {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "Rejected", "Cause": "quota"}}}],
                       "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.failure", "Next": "Notify"}], "End": true},
              "Notify": {"Type": "Pass", "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """{"id": 7}""");

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"id": 7, "failure": {"Error": "Rejected", "Cause": "quota"}}""");
    }

    [Fact]
    public async Task RuntimeErrors_ShouldNotBeCaughtByStatesAll()
    {
        var definition = """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "Echo", "Payload": {"id.$": "$.missing"}},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
              "Handled": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"id": 1}""", Asl.Echo());

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("$.missing").And.Contain("id.$");
    }
}
