using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

public class MapStateTests
{
    private static string ProbeMap(int maxConcurrency) => """
        {"StartAt": "Each", "States": {
          "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": <<0>>,
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Call", "States": {
                     "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                              "Parameters": {"FunctionName": "Probe", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}},
                   "End": true}}}
        """.Replace("<<0>>", maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Items(int count) =>
        new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)i).ToArray()) }.ToJsonString();

    [Fact]
    public async Task Map_WhenMaxConcurrencyIsTwo_ShouldNeverRunMoreThanTwoIterationsAtOnce()
    {
        var probe = new ConcurrencyProbe(expectedPeak: 2);
        var registry = new TaskRegistry().RegisterFunction("Probe", probe.HandleAsync);

        var result = await Asl.RunAsync(ProbeMap(2), Items(8), registry);

        result.ShouldSucceed();
        probe.Calls.Should().Be(8);
        probe.Peak.Should().Be(2);
        result.Output.ShouldBeJson("[0,1,2,3,4,5,6,7]");
    }

    [Fact]
    public async Task Map_WhenMaxConcurrencyIsZero_ShouldRunAllIterationsConcurrently()
    {
        var probe = new ConcurrencyProbe(expectedPeak: 6);
        var registry = new TaskRegistry().RegisterFunction("Probe", probe.HandleAsync);

        var result = await Asl.RunAsync(ProbeMap(0), Items(6), registry);

        result.ShouldSucceed();
        probe.Peak.Should().Be(6);
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 20)]
    [InlineData(0, 10)]
    public async Task Map_VirtualDuration_ShouldReflectTheConcurrencyBound(int maxConcurrency, int expectedSeconds)
    {
        var definition = """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "MaxConcurrency": <<0>>,
                       "ItemProcessor": {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 10, "End": true}}},
                       "End": true}}}
            """.Replace("<<0>>", maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var result = await Asl.RunAsync(definition, "[1, 2, 3, 4]");

        result.ShouldSucceed();
        result.Duration.Should().Be(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public async Task Map_ItemSelector_ShouldSeeTheItemIndexValueAndTheStateInput()
    {
        var definition = """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemsPath": "$.chunks",
                       "ItemSelector": {"chunkKey.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "prefix.$": "$.workPrefix"},
                       "ItemProcessor": {"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "End": true}}},
                       "ResultSelector": {"count.$": "States.ArrayLength($)", "results.$": "$"},
                       "ResultPath": "$.mapped", "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """{"workPrefix": "staging/x/", "chunks": ["c0", "c1"]}""");

        result.ShouldSucceed();
        result.Output!["mapped"].ShouldBeJson("""
            {"count": 2, "results": [{"chunkKey": "c0", "index": 0, "prefix": "staging/x/"}, {"chunkKey": "c1", "index": 1, "prefix": "staging/x/"}]}
            """);
        result.Events(HistoryEventType.MapStateStarted).Single().Details["length"]!.GetValue<int>().Should().Be(2);
        result.Events(HistoryEventType.MapIterationSucceeded).Should().HaveCount(2);
    }

    [Fact]
    public async Task Map_WhenAnIterationFails_ShouldFailTheMapWithTheIterationsError()
    {
        var definition = """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "MaxConcurrency": 1,
                       "ItemProcessor": {"StartAt": "Check", "States": {
                         "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}], "Default": "Ok"},
                         "Bad": {"Type": "Fail", "Error": "BadItem", "Cause": "item 2"},
                         "Ok": {"Type": "Pass", "End": true}}},
                       "Catch": [{"ErrorEquals": ["BadItem"], "ResultPath": null, "Next": "Recovered"}], "End": true},
              "Recovered": {"Type": "Pass", "Result": "recovered", "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, "[1, 2, 3, 4]");

        result.ShouldSucceed();
        result.Output!.GetValue<string>().Should().Be("recovered");
        result.Events(HistoryEventType.MapIterationFailed).Single().Details["index"]!.GetValue<int>().Should().Be(1);
        result.Events(HistoryEventType.MapStateFailed).Should().ContainSingle();
        result.Events(HistoryEventType.MapIterationStarted).Should().HaveCount(2, "a failure stops iterations that have not started");
    }

    [Fact]
    public async Task Map_WhenItemsPathIsNotAnArray_ShouldFailWithRuntimeError()
    {
        var definition = """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemsPath": "$.items",
                       "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """{"items": "nope"}""");

        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("Each").And.Contain("$.items");
    }
}
