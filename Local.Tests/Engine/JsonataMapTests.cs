using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

/// <summary>
/// Map states in JSONata (developer guide, "Map state" and "Distributed Map state"): MaxConcurrency, the tolerated
/// failures, the ItemBatcher's sizes and the ItemReader's MaxItems may be expressions; the ItemReader and ResultWriter
/// take Arguments; Items, ItemSelector and BatchInput are evaluated over <c>$states</c>.
/// </summary>
public class JsonataMapTests
{
    private static string InlineMap(string maxConcurrency) => """
        {"QueryLanguage": "JSONata", "StartAt": "Each", "States": {
          "Each": {"Type": "Map", "Items": "{% $states.input.items %}", "MaxConcurrency": <<0>>,
                   "ItemProcessor": {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 10, "End": true}}}, "End": true}}}
        """.Replace("<<0>>", maxConcurrency, StringComparison.Ordinal);

    [Fact]
    public async Task AnInlineMapsMaxConcurrency_MayBeAnExpression()
    {
        var result = await Asl.RunAsync(InlineMap("\"{% $states.input.most %}\""), """{"items": [1, 2, 3], "most": 1}""");

        result.ShouldSucceed();
        (result.StopTime - result.StartTime).TotalSeconds.Should().Be(30, "one iteration at a time, ten seconds each");
        result.Quotas.PeakMapConcurrency.Should().Be(1);
    }

    [Fact]
    public async Task AMaxConcurrencyExpressionThatIsNoCount_FailsWithQueryEvaluationError()
    {
        var result = await Asl.RunAsync(InlineMap("\"{% 'many' %}\""), """{"items": [1]}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.QueryEvaluationError);
        result.Cause.Should().Contain("MaxConcurrency must evaluate to a non-negative integer");
    }

    [Fact]
    public async Task ADistributedMap_ReadsBatchesAndWritesResultsWithExpressions()
    {
        var store = new InMemoryObjectStore();
        await store.PutAsync("work", "run-1/chunks.jsonl", Encoding.UTF8.GetBytes("{\"key\":\"a\"}\n{\"key\":\"b\"}\n{\"key\":\"c\"}\n{\"key\":\"d\"}\n"), CancellationToken.None);
        var inputs = new ConcurrentBag<string>();
        var registry = new TaskRegistry().RegisterFunction("Echo", (JsonNode? input, CancellationToken _) =>
        {
            inputs.Add(input!.ToJsonString());
            return Task.FromResult(input?.DeepClone());
        });
        var definition = """
            {"QueryLanguage": "JSONata", "StartAt": "Each", "States": {
              "Each": {"Type": "Map",
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL", "MaxItems": "{% $states.input.take %}"},
                               "Arguments": {"Bucket": "work", "Key": "{% $states.input.run & '/chunks.jsonl' %}"}},
                "ItemSelector": {"chunk": "{% $states.context.Map.Item.Value.key %}", "index": "{% $states.context.Map.Item.Index %}"},
                "ItemBatcher": {"MaxItemsPerBatch": "{% $states.input.per %}", "BatchInput": {"run": "{% $states.input.run %}"}},
                "ToleratedFailureCount": "{% 0 %}",
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Arguments": {"Bucket": "results", "Prefix": "{% $states.input.run %}"}},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                  "StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo", "End": true}}},
                "End": true}}}
            """;

        var result = await new LocalEngine(registry, store).ExecuteAsync(
            StateMachine.Parse(definition), JsonNode.Parse("""{"run": "run-1", "per": 2, "take": 3}"""), Asl.Options());

        result.ShouldSucceed();
        inputs.Order().Should().Equal(
            """{"Items":[{"chunk":"a","index":0},{"chunk":"b","index":1}],"BatchInput":{"run":"run-1"}}""",
            """{"Items":[{"chunk":"c","index":2}],"BatchInput":{"run":"run-1"}}""");
        result.Output!["ResultWriterDetails"]!["Bucket"]!.GetValue<string>().Should().Be("results");
        result.Output["ResultWriterDetails"]!["Key"]!.GetValue<string>().Should().StartWith("run-1/").And.EndWith("/manifest.json");
    }

    [Fact]
    public void AJsonPathMapsMaxConcurrency_MustBeANumber()
    {
        var load = () => StateMachine.Parse("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": "{% 1 %}",
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """);

        load.Should().Throw<InvalidDefinitionException>().WithMessage("*\"MaxConcurrency\" must be a number*");
    }
}
