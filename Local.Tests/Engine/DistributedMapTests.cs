using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

/// <summary>Distributed Maps as Step Functions runs them: child executions, item readers, batches, tolerated failures, result files.</summary>
public class DistributedMapTests
{
    /// <summary>A machine of one distributed Map named "Each" whose children run <paramref name="processorStates"/> from "Work".</summary>
    private static string Machine(string fields, string processorStates, string executionType = "EXPRESS") => $$"""
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map", {{fields}}
              "ItemProcessor": {
                "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "{{executionType}}" },
                "StartAt": "Work", "States": { {{processorStates}} }
              },
              "End": true
            }
          }
        }
        """;

    private const string EchoWork = """ "Work": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo", "End": true } """;

    /// <summary>Fails the child whose input has <c>"bad": true</c>.</summary>
    private const string FailBad = """
        "Work": { "Type": "Choice", "Choices": [ { "Variable": "$.bad", "BooleanEquals": true, "Next": "Bad" } ], "Default": "Good" },
        "Bad": { "Type": "Fail", "Error": "BadItem", "Cause": "the item is bad" },
        "Good": { "Type": "Succeed" }
        """;

    private static Task<ExecutionResult> RunAsync(string definition, JsonNode input, InMemoryObjectStore? store = null, TaskRegistry? registry = null) =>
        new LocalEngine(registry ?? Asl.Echo(), store).ExecuteAsync(StateMachine.Parse(definition), input, Asl.Options());

    private static JsonObject Items(params object[] items) =>
        new() { ["items"] = new JsonArray([.. items.Select(item => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(item)))]) };

    [Fact]
    public async Task EachItem_RunsAsAChildExecution_AndTheParentHistoryHoldsOnlyTheMapRun()
    {
        var result = await RunAsync(Machine("\"ItemsPath\": \"$.items\",", EchoWork), Items(1, 2, 3));

        result.ShouldSucceed();
        result.Output.ShouldBeJson("[1, 2, 3]");
        result.History.Select(e => e.Type).Should().Equal(
            HistoryEventType.ExecutionStarted, HistoryEventType.MapStateEntered, HistoryEventType.MapRunStarted,
            HistoryEventType.MapRunSucceeded, HistoryEventType.MapStateExited, HistoryEventType.ExecutionSucceeded);
        result.Events(HistoryEventType.MapRunStarted).Single().Details["mapRunArn"]!.GetValue<string>()
            .Should().StartWith("arn:aws:states:us-east-1:123456789012:mapRun:Test/Each:");
        result.Children.Should().HaveCount(3).And.AllSatisfy(child => (child.Type, child.Status).Should().Be((WorkflowVariant.Express, ExecutionStatus.Succeeded), child.Name));
        result.Children.Should().OnlyContain(child => child.Quotas.HistoryEvents > 0, "each child keeps its own history while it runs");
        result.LambdaInvocations.Should().HaveCount(3);
    }

    [Fact]
    public async Task ChildExecutions_ArePricedAsExpressExecutionsUnderEitherParent()
    {
        var result = await RunAsync(Machine("\"ItemsPath\": \"$.items\",", """ "Work": { "Type": "Wait", "Seconds": 1, "End": true } """), Items(1, 2));

        var cost = Pipeline.Local.Cost.CostEstimator.Estimate(result);

        (cost.ChildExecutions, cost.ChildStateTransitions).Should().Be((2, 2));
        var perChild = Pipeline.Local.Cost.PriceList.ExpressPerRequest + (Pipeline.Local.Cost.PriceList.ExpressBaseMemoryMb / 1024m * 1m * Pipeline.Local.Cost.PriceList.ExpressPerGbSecond);
        cost.ChildCost.Should().Be(2 * perChild);
        cost.StandardTotal.Should().Be(cost.StandardCost + cost.ChildCost + cost.LambdaCost);
    }

    [Fact]
    public async Task ItemReader_ReadsJsonLinesFromTheObjectStore_AndTheBatcherGroupsThemWithTheBatchInput()
    {
        var store = new InMemoryObjectStore();
        await store.PutAsync("work", "run-1/chunks.jsonl", Encoding.UTF8.GetBytes("{\"key\":\"a\"}\n{\"key\":\"b\"}\n{\"key\":\"c\"}\n"), CancellationToken.None);
        var inputs = new ConcurrentBag<string>();
        var registry = new TaskRegistry().RegisterFunction("Echo", (JsonNode? input, CancellationToken _) =>
        {
            inputs.Add(input!.ToJsonString());
            return Task.FromResult(input?.DeepClone());
        });
        var fields = """
            "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "JSONL" }, "Parameters": { "Bucket": "work", "Key.$": "$.manifest" } },
            "ItemSelector": { "chunk.$": "$$.Map.Item.Value.key", "index.$": "$$.Map.Item.Index" },
            "ItemBatcher": { "MaxItemsPerBatch": 2, "BatchInput": { "run.$": "$.run" } },
            """;

        var result = await RunAsync(Machine(fields, EchoWork), new JsonObject { ["manifest"] = "run-1/chunks.jsonl", ["run"] = "run-1" }, store, registry);

        result.ShouldSucceed();
        inputs.Order().Should().Equal(
            """{"Items":[{"chunk":"a","index":0},{"chunk":"b","index":1}],"BatchInput":{"run":"run-1"}}""",
            """{"Items":[{"chunk":"c","index":2}],"BatchInput":{"run":"run-1"}}""");
    }

    [Theory]
    [InlineData("\"ReaderConfig\": { \"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\" }", "id,note\n1,\"a, b\"\n2,\"two\nlines\"\n")]
    [InlineData("\"ReaderConfig\": { \"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"id\", \"note\"] }", "1,\"a, b\"\r\n2,\"two\nlines\"\r\n")]
    public async Task ItemReader_ReadsCsvRowsAsObjectsOfText(string readerConfig, string csv)
    {
        var store = new InMemoryObjectStore();
        await store.PutAsync("work", "rows.csv", Encoding.UTF8.GetBytes(csv), CancellationToken.None);
        var fields = $$""" "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", {{readerConfig}}, "Parameters": { "Bucket": "work", "Key": "rows.csv" } }, """;

        var result = await RunAsync(Machine(fields, EchoWork), new JsonObject(), store);

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""[{"id": "1", "note": "a, b"}, {"id": "2", "note": "two\nlines"}]""");
    }

    [Fact]
    public async Task FailedChildren_WithinTheToleratedCount_LetTheMapSucceedWithTheirErrors()
    {
        var result = await RunAsync(Machine("\"ItemsPath\": \"$.items\", \"ToleratedFailureCount\": 1,", FailBad), Items(new { bad = false }, new { bad = true }));

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""[{"bad": false}, {"Error": "BadItem", "Cause": "the item is bad"}]""");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"ToleratedFailureCount\": 1,")]
    [InlineData("\"ToleratedFailurePercentage\": 50,")]
    public async Task FailedChildren_BeyondTheTolerance_FailTheMapRun(string tolerance)
    {
        var result = await RunAsync(
            Machine($"\"ItemsPath\": \"$.items\", \"MaxConcurrency\": 1, {tolerance}", FailBad),
            Items(new { bad = true }, new { bad = true }, new { bad = false }));

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.ExceedToleratedFailureThreshold);
        result.Events(HistoryEventType.MapRunFailed).Should().ContainSingle();
    }

    [Fact]
    public async Task ResultWriter_WritesOneFilePerStatusAndAManifest_AndTheStateReturnsWhereItIs()
    {
        var store = new InMemoryObjectStore();
        var fields = """
            "ItemsPath": "$.items", "ToleratedFailurePercentage": 50,
            "ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "work", "Prefix": "results" } },
            """;

        var result = await RunAsync(Machine(fields, FailBad), Items(new { bad = false }, new { bad = true }), store);

        result.ShouldSucceed();
        var mapRunArn = result.Output!["MapRunArn"]!.GetValue<string>();
        var mapRunId = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        result.Output["ResultWriterDetails"].ShouldBeJson($$"""{"Bucket": "work", "Key": "results/{{mapRunId}}/manifest.json"}""");
        var manifest = JsonNode.Parse(store.Text("work", $"results/{mapRunId}/manifest.json"))!;
        manifest["DestinationBucket"]!.GetValue<string>().Should().Be("work");
        manifest["MapRunArn"]!.GetValue<string>().Should().Be(mapRunArn);
        manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>().Should().Be($"results/{mapRunId}/SUCCEEDED_0.json");
        manifest["ResultFiles"]!["FAILED"]![0]!["Key"]!.GetValue<string>().Should().Be($"results/{mapRunId}/FAILED_0.json");
        manifest["ResultFiles"]!["PENDING"]!.AsArray().Should().BeEmpty();
        var succeeded = JsonNode.Parse(store.Text("work", $"results/{mapRunId}/SUCCEEDED_0.json"))!.AsArray().Single()!;
        succeeded["Status"]!.GetValue<string>().Should().Be("SUCCEEDED");
        succeeded["Input"]!.GetValue<string>().Should().Be("""{"bad":false}""");
        succeeded["Output"]!.GetValue<string>().Should().Be("""{"bad":false}""");
        succeeded["ExecutionArn"]!.GetValue<string>().Should().StartWith("arn:aws:states:us-east-1:123456789012:execution:Test/Each:");
        var failed = JsonNode.Parse(store.Text("work", $"results/{mapRunId}/FAILED_0.json"))!.AsArray().Single()!;
        (failed["Status"]!.GetValue<string>(), failed["Error"]!.GetValue<string>()).Should().Be(("FAILED", "BadItem"));
    }

    [Fact]
    public async Task ExpressChildren_AreStoppedAtFiveMinutes_AndCountAsFailures()
    {
        var wait = """ "Work": { "Type": "Wait", "Seconds": 301, "End": true } """;

        var result = await RunAsync(Machine("\"ItemsPath\": \"$.items\",", wait), Items(1));

        result.Error.Should().Be(ErrorNames.ExceedToleratedFailureThreshold);
        result.Children.Single().Status.Should().Be(ExecutionStatus.TimedOut);
        result.Children.Single().Duration.Should().Be(TimeSpan.FromSeconds(ExecutionQuotas.ExpressSeconds));
    }

    [Fact]
    public async Task AThousandChildren_LeaveSixEventsInTheParent_AndRunWithinTheConcurrencyBound()
    {
        var items = new JsonObject { ["items"] = new JsonArray([.. Enumerable.Range(0, 1_000).Select(i => (JsonNode)i)]) };

        var result = await RunAsync(Machine("\"ItemsPath\": \"$.items\", \"MaxConcurrency\": 50,", """ "Work": { "Type": "Pass", "End": true } """), items);

        result.ShouldSucceed();
        result.History.Should().HaveCount(6);
        result.Children.Should().HaveCount(1_000);
        result.Output!.AsArray().Should().HaveCount(1_000);
    }

    [Fact]
    public async Task ADistributedMapBuiltAndRenderedByTheWorkflowModel_RunsOnTheEngine()
    {
        var map = new Workflows.Model.MapState("Each")
        {
            ProcessorMode = Workflows.Model.MapProcessorMode.DistributedExpress,
            ItemReader = new Workflows.Model.MapItemReader(Workflows.Payloads.Payload.Object(("Bucket", "work"), ("Key", "items.json"))),
            ItemBatcher = new Workflows.Model.MapItemBatcher(2),
            ResultWriter = new Workflows.Model.MapResultWriter(Workflows.Payloads.Payload.Object(("Bucket", "work"), ("Prefix", "out"))),
        }.WithItemProcessor(new Workflows.Model.PassState("Work"));
        var asl = Workflows.Rendering.AslRenderer.Render(
            Workflows.Model.StateMachineDefinition.From(Workflows.Builder.Chain.Start(map)), Workflows.Model.WorkflowVariant.Standard, new Workflows.DataPipeline.ExampleArnResolver());
        var store = new InMemoryObjectStore();
        await store.PutAsync("work", "items.json", Encoding.UTF8.GetBytes("[1, 2, 3]"), CancellationToken.None);

        var result = await RunAsync(asl, new JsonObject(), store);

        result.ShouldSucceed();
        result.Children.Should().HaveCount(2);
        result.Output!["ResultWriterDetails"]!["Key"]!.GetValue<string>().Should().StartWith("out/").And.EndWith("/manifest.json");
    }

    [Theory]
    [InlineData("\"ToleratedFailureCount\": 1,")]
    [InlineData("\"ItemBatcher\": { \"MaxItemsPerBatch\": 2 },")]
    [InlineData("\"ResultWriter\": { \"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": { \"Bucket\": \"b\" } },")]
    public void DistributedOnlyFields_OnAnInlineMap_AreRejectedAtLoad(string field)
    {
        var definition = Machine($"\"ItemsPath\": \"$.items\", {field}", EchoWork).Replace("\"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"", "\"INLINE\"", StringComparison.Ordinal);

        var parse = () => StateMachine.Parse(definition);

        parse.Should().Throw<InvalidDefinitionException>().WithMessage("*applies only to a distributed Map*");
    }

    /// <summary>
    /// An S3 Inventory (S3 user guide, "Amazon S3 Inventory"): manifest.json names gzip CSV files without a header,
    /// whose columns its fileSchema lists; each row becomes an item keyed by those names.
    /// </summary>
    [Fact]
    public async Task ItemReader_ReadsAnS3InventoryThroughItsManifest_EachRowAnItemKeyedByTheFileSchema()
    {
        static byte[] Gzip(string text)
        {
            using var buffer = new MemoryStream();
            using (var zip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
            {
                zip.Write(Encoding.UTF8.GetBytes(text));
            }

            return buffer.ToArray();
        }

        var store = new InMemoryObjectStore();
        store.Objects[("inventory", "source/config/data/a.csv.gz")] = Gzip("\"source\",\"photos/1.jpg\",\"120\"\n\"source\",\"photos/2.jpg\",\"340\"\n");
        store.Objects[("inventory", "source/config/data/b.csv.gz")] = Gzip("\"source\",\"photos/3.jpg\",\"56\"\n");
        store.Objects[("inventory", "source/config/manifest.json")] = Encoding.UTF8.GetBytes("""
            {
              "sourceBucket": "source", "destinationBucket": "arn:aws:s3:::inventory", "version": "2016-11-30",
              "fileFormat": "CSV", "fileSchema": "Bucket, Key, Size",
              "files": [ { "key": "source/config/data/a.csv.gz", "size": 60 }, { "key": "source/config/data/b.csv.gz", "size": 40 } ]
            }
            """);
        var reader = """
            "ItemReader": {
              "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "MANIFEST" },
              "Parameters": { "Bucket": "inventory", "Key": "source/config/manifest.json" }
            },
            """;

        var result = await RunAsync(Machine(reader, EchoWork), new JsonObject(), store);

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""
            [
              {"Bucket": "source", "Key": "photos/1.jpg", "Size": "120"},
              {"Bucket": "source", "Key": "photos/2.jpg", "Size": "340"},
              {"Bucket": "source", "Key": "photos/3.jpg", "Size": "56"}
            ]
            """);
    }

    [Fact]
    public async Task ItemReader_RefusesAnInventoryThatIsNotCsv_WithItemReaderFailed()
    {
        var store = new InMemoryObjectStore();
        store.Objects[("inventory", "manifest.json")] = Encoding.UTF8.GetBytes("""{"fileFormat": "Parquet", "fileSchema": "message s3.inventory { }", "files": []}""");
        var reader = """
            "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "MANIFEST" }, "Parameters": { "Bucket": "inventory", "Key": "manifest.json" } },
            """;

        var result = await RunAsync(Machine(reader, EchoWork), new JsonObject(), store);

        (result.Status, result.Error).Should().Be((ExecutionStatus.Failed, ErrorNames.ItemReaderFailed));
        result.Cause.Should().Contain("s3://inventory/manifest.json").And.Contain("only CSV inventories");
    }
}
