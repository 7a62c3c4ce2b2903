using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

public class RetryTests
{
    private static string FlakyTask(string retry) => """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "Flaky", "Payload": {"attempt.$": "$$.State.RetryCount"}},
                   "OutputPath": "$.Payload", "Retry": <<0>>, "End": true}}}
        """.Replace("<<0>>", retry, StringComparison.Ordinal);

    /// <summary>A function that throws <see cref="InvalidInput"/> on its first <paramref name="failures"/> calls.</summary>
    private static TaskRegistry Flaky(int failures) =>
        new TaskRegistry().RegisterFunction("Flaky", (input, context) => context.RetryCount < failures
            ? throw new InvalidInput($"attempt {context.RetryCount} failed")
            : Task.FromResult(input?.DeepClone()));

    private static List<double> Intervals(ExecutionResult result)
    {
        var scheduled = result.Events(HistoryEventType.TaskScheduled).Select(e => e.SecondsAfterStart()).ToList();
        return scheduled.Zip(scheduled.Skip(1), (a, b) => Math.Round(b - a, 6)).ToList();
    }

    [Fact]
    public async Task Retry_WhenBackoffRateIsTwo_ShouldWaitTwoFourEightSecondsOnTheVirtualClock()
    {
        var result = await Asl.RunAsync(
            FlakyTask("""[{"ErrorEquals": ["InvalidInput"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}]"""),
            registry: Flaky(3));

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"attempt": 3}""");
        Intervals(result).Should().Equal(2, 4, 8);
        result.Events(HistoryEventType.TaskScheduled).Select(e => e.SecondsAfterStart()).Should().Equal(0, 2, 6, 14);
        result.Duration.Should().Be(TimeSpan.FromSeconds(14));
    }

    [Fact]
    public async Task Retry_WhenMaxDelaySecondsIsSet_ShouldCapEveryInterval()
    {
        var result = await Asl.RunAsync(
            FlakyTask("""[{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 4, "BackoffRate": 3, "MaxDelaySeconds": 5}]"""),
            registry: Flaky(4));

        result.ShouldSucceed();
        Intervals(result).Should().Equal(1, 3, 5, 5);
    }

    [Fact]
    public async Task Retry_WhenJitterIsFull_ShouldDrawEachIntervalBelowTheBackoffReproducibly()
    {
        var definition = FlakyTask("""[{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "MaxAttempts": 3, "BackoffRate": 2, "JitterStrategy": "FULL"}]""");

        var first = Intervals(await Asl.RunAsync(definition, registry: Flaky(3)));
        var again = Intervals(await Asl.RunAsync(definition, registry: Flaky(3)));
        var otherSeed = Intervals(await Asl.RunAsync(definition, registry: Flaky(3), options: Asl.Options(seed: 1234)));

        first.Should().HaveCount(3);
        first.Zip([10.0, 20.0, 40.0]).Should().AllSatisfy(pair => pair.First.Should().BeInRange(0, pair.Second, "full jitter waits between 0 and the backoff"));
        first.Should().NotEqual([10.0, 20.0, 40.0]);
        again.Should().Equal(first);
        otherSeed.Should().NotEqual(first);
    }

    [Fact]
    public async Task Retry_WhenAttemptsAreExhausted_ShouldFailWithTheHandlersErrorName()
    {
        var result = await Asl.RunAsync(
            FlakyTask("""[{"ErrorEquals": ["InvalidInput"], "IntervalSeconds": 1, "MaxAttempts": 2}]"""),
            registry: Flaky(10));

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("InvalidInput");
        result.Events(HistoryEventType.TaskFailed).Should().HaveCount(3);
        result.StateTransitions.Should().Be(3, "the state was entered once and retried twice");
    }

    [Fact]
    public async Task Retry_WhenFirstMatchingRetrierIsExhausted_ShouldNotFallThroughToLaterRetriers()
    {
        var result = await Asl.RunAsync(
            FlakyTask("""
                [{"ErrorEquals": ["InvalidInput"], "MaxAttempts": 1},
                 {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5}]
                """),
            registry: Flaky(10));

        result.Error.Should().Be("InvalidInput");
        result.Events(HistoryEventType.TaskScheduled).Should().HaveCount(2);
    }

    [Fact]
    public async Task Retry_WhenMaxAttemptsIsZero_ShouldNotRetry()
    {
        var result = await Asl.RunAsync(
            FlakyTask("""[{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}]"""),
            registry: Flaky(1));

        result.Error.Should().Be("InvalidInput");
        result.Events(HistoryEventType.TaskScheduled).Should().ContainSingle();
    }

    [Fact]
    public async Task Retry_WhenErrorIsTimeout_ShouldNotBeMatchedByTaskFailed()
    {
        var definition = """
            {"StartAt": "Slow", "States": {
              "Slow": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Slow", "TimeoutSeconds": 2,
                       "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 3}], "End": true}}}
            """;
        var registry = new TaskRegistry().RegisterFunction("Slow", async (JsonNode? input, TaskContext context) =>
        {
            await context.Clock.Delay(TimeSpan.FromSeconds(10), context.CancellationToken);
            return input;
        });

        var result = await Asl.RunAsync(definition, registry: registry);

        result.Error.Should().Be(ErrorNames.Timeout);
        result.Events(HistoryEventType.LambdaFunctionScheduled).Should().ContainSingle();
    }

    [Fact]
    public async Task Retry_OfAParallelState_ShouldRunTheWholeStateAgain()
    {
        var definition = """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Retry": [{"ErrorEquals": ["InvalidInput"], "IntervalSeconds": 3, "MaxAttempts": 1}],
                       "Branches": [
                         {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
                         {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                                           "Parameters": {"FunctionName": "Flaky", "Payload": "b"}, "OutputPath": "$.Payload", "End": true}}}],
                       "End": true}}}
            """;

        var calls = 0;
        var registry = new TaskRegistry().RegisterFunction("Flaky", (JsonNode? input, CancellationToken _) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidInput("first call fails") : Task.FromResult(input));

        var result = await Asl.RunAsync(definition, registry: registry);

        result.ShouldSucceed();
        calls.Should().Be(2);
        result.Output.ShouldBeJson("""["a", "b"]""");
        result.Events(HistoryEventType.ParallelStateStarted).Select(e => e.SecondsAfterStart()).Should().Equal(0, 3);
        result.Events(HistoryEventType.ParallelStateFailed).Should().ContainSingle();
    }
}
