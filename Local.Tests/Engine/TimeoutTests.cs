using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

public class TimeoutTests
{
    /// <summary>A function that takes <c>$.seconds</c> of virtual time.</summary>
    private static TaskRegistry Sleeper() => new TaskRegistry().RegisterFunction("Sleep", async (JsonNode? input, TaskContext context) =>
    {
        await context.Clock.Delay(TimeSpan.FromSeconds(input!["seconds"]!.GetValue<double>()), context.CancellationToken);
        return input;
    });

    private static string SleepTask(string timeout, string next = "\"End\": true") => """
        {"StartAt": "Sleep", "States": {
          "Sleep": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "Sleep", "Payload.$": "$"}, "OutputPath": "$.Payload", <<0>> <<1>>},
          "TimedOut": {"Type": "Pass", "End": true}}}
        """.Replace("<<0>>", timeout, StringComparison.Ordinal).Replace("<<1>>", next, StringComparison.Ordinal);

    [Fact]
    public async Task Task_WhenItRunsLongerThanTimeoutSeconds_ShouldFailWithStatesTimeoutAtTheDeadline()
    {
        var result = await Asl.RunAsync(SleepTask("\"TimeoutSeconds\": 5,"), """{"seconds": 10}""", Sleeper());

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.Timeout);
        result.Events(HistoryEventType.TaskTimedOut).Single().SecondsAfterStart().Should().Be(5);
        result.Duration.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Task_WhenItFinishesWithinTimeoutSeconds_ShouldSucceedAfterItsVirtualDuration()
    {
        var result = await Asl.RunAsync(SleepTask("\"TimeoutSeconds\": 5,"), """{"seconds": 3}""", Sleeper());

        result.ShouldSucceed();
        result.Events(HistoryEventType.TaskSucceeded).Single().SecondsAfterStart().Should().Be(3);
    }

    [Fact]
    public async Task Task_WhenTimeoutSecondsPathIsUsed_ShouldReadTheTimeoutFromTheInput()
    {
        var result = await Asl.RunAsync(
            SleepTask("\"TimeoutSecondsPath\": \"$.limit\",", "\"Catch\": [{\"ErrorEquals\": [\"States.Timeout\"], \"ResultPath\": \"$.error\", \"Next\": \"TimedOut\"}], \"End\": true"),
            """{"seconds": 10, "limit": 2}""",
            Sleeper());

        result.ShouldSucceed();
        result.Output!["error"]!["Error"]!.GetValue<string>().Should().Be(ErrorNames.Timeout);
        result.Events(HistoryEventType.PassStateEntered).Single().SecondsAfterStart().Should().Be(2);
    }

    [Fact]
    public async Task Execution_WhenItExceedsTimeoutSeconds_ShouldTimeOut()
    {
        var definition = """
            {"TimeoutSeconds": 60, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 120, "End": true}}}
            """;

        var result = await Asl.RunAsync(definition);

        result.Status.Should().Be(ExecutionStatus.TimedOut);
        result.Error.Should().Be(ErrorNames.Timeout);
        result.Duration.Should().Be(TimeSpan.FromSeconds(60));
        result.History[^1].Type.Should().Be(HistoryEventType.ExecutionTimedOut);
    }

    [Fact]
    public async Task ExpressExecution_ShouldTimeOutAfterFiveMinutes()
    {
        var definition = """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 400, "End": true}}}""";

        var express = await Asl.RunAsync(definition, options: Asl.Options(WorkflowVariant.Express));
        var standard = await Asl.RunAsync(definition, options: Asl.Options(WorkflowVariant.Standard));

        express.Status.Should().Be(ExecutionStatus.TimedOut);
        express.Duration.Should().Be(TimeSpan.FromSeconds(300));
        express.Cause.Should().Contain("Express");
        standard.ShouldSucceed();
        standard.Duration.Should().Be(TimeSpan.FromSeconds(400));
    }

    [Fact]
    public async Task ExpressExecution_WhenSequentialMapIterationsPassFiveMinutes_ShouldTimeOut()
    {
        var definition = """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": {"StartAt": "Sleep", "States": {
                         "Sleep": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                   "Parameters": {"FunctionName": "Sleep", "Payload.$": "$"}, "End": true}}},
                       "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """[{"seconds": 120}, {"seconds": 120}, {"seconds": 120}]""", Sleeper(), Asl.Options(WorkflowVariant.Express));

        result.Status.Should().Be(ExecutionStatus.TimedOut);
        result.Duration.Should().Be(TimeSpan.FromSeconds(300));
    }
}
