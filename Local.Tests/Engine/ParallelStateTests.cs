using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

public class ParallelStateTests
{
    [Fact]
    public async Task Parallel_Results_ShouldFollowBranchOrderNotCompletionOrder()
    {
        var definition = """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Branches": [
                         {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"FunctionName": "Slow", "Payload": "first"}, "OutputPath": "$.Payload", "End": true}}},
                         {"StartAt": "Fast", "States": {"Fast": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"FunctionName": "Fast", "Payload": "second"}, "OutputPath": "$.Payload", "End": true}}}],
                       "End": true}}}
            """;
        var finished = new List<string>();
        var fastDone = new TaskCompletionSource();
        var registry = new TaskRegistry()
            .RegisterFunction("Slow", async (JsonNode? input, CancellationToken token) =>
            {
                await fastDone.Task.WaitAsync(TimeSpan.FromSeconds(5), token);
                lock (finished)
                {
                    finished.Add("Slow");
                }

                return input;
            })
            .RegisterFunction("Fast", (JsonNode? input, CancellationToken _) =>
            {
                lock (finished)
                {
                    finished.Add("Fast");
                }

                fastDone.SetResult();
                return Task.FromResult(input);
            });

        var result = await Asl.RunAsync(definition, registry: registry);

        result.ShouldSucceed();
        finished.Should().Equal("Fast", "Slow");
        result.Output.ShouldBeJson("""["first", "second"]""");
    }

    [Fact]
    public async Task Parallel_VirtualDuration_ShouldBeTheLongestBranch()
    {
        var definition = """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Branches": [
                         {"StartAt": "W5", "States": {"W5": {"Type": "Wait", "Seconds": 5, "End": true}}},
                         {"StartAt": "W20", "States": {"W20": {"Type": "Wait", "Seconds": 20, "End": true}}}],
                       "Next": "After"},
              "After": {"Type": "Pass", "End": true}}}
            """;

        var result = await Asl.RunAsync(definition);

        result.ShouldSucceed();
        result.Events(HistoryEventType.PassStateEntered).Single().SecondsAfterStart().Should().Be(20);
        result.Events(HistoryEventType.WaitStateExited).Select(e => e.SecondsAfterStart()).Should().BeEquivalentTo([5.0, 20.0]);
    }

    [Fact]
    public async Task Parallel_ParametersAndResultSelector_ShouldShapeBranchInputAndResult()
    {
        var definition = """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Parameters": {"value.$": "$.n"},
                       "Branches": [
                         {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"double.$": "States.MathAdd($.value, $.value)"}, "End": true}}},
                         {"StartAt": "B", "States": {"B": {"Type": "Pass", "InputPath": "$.value", "End": true}}}],
                       "ResultSelector": {"double.$": "$[0].double", "same.$": "$[1]"},
                       "ResultPath": "$.results", "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """{"n": 21}""");

        result.Output.ShouldBeJson("""{"n": 21, "results": {"double": 42, "same": 21}}""");
    }

    [Fact]
    public async Task Parallel_WhenABranchFails_ShouldFailWithThatBranchsError()
    {
        var definition = """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Branches": [
                         {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                         {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Quarantine", "End": true}}}],
                       "End": true}}}
            """;
        var registry = new TaskRegistry().RegisterFunction("Quarantine", (JsonNode? _, CancellationToken _) => throw new InvalidOperationException("bucket missing"));

        var result = await Asl.RunAsync(definition, registry: registry);

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(nameof(InvalidOperationException));
        result.Events(HistoryEventType.ParallelStateFailed).Should().ContainSingle();
        result.Events(HistoryEventType.LambdaFunctionFailed).Single().Details["error"]!.GetValue<string>().Should().Be(nameof(InvalidOperationException));
    }
}
