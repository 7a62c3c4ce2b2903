using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests;

/// <summary>Distributed Maps in the model: rendered as Step Functions reads them, and refused where AWS refuses them.</summary>
public class DistributedMapTests
{
    private static MapState Distributed(MapProcessorMode mode = MapProcessorMode.DistributedExpress) =>
        new MapState("Each")
        {
            ProcessorMode = mode,
            ItemReader = new MapItemReader(Payload.Object(("Bucket", "work"), ("Key", Payload.Path("$.manifest"))), MapItemReader.JsonLines) { MaxItems = 100 },
            ItemSelector = Payload.Object(("chunk", Payload.Path("$$.Map.Item.Value.key"))),
            ItemBatcher = new MapItemBatcher(10) { BatchInput = Payload.Object(("run", Payload.Path("$.run"))) },
            MaxConcurrency = 50,
            ToleratedFailurePercentage = 5,
            Label = "Chunks",
            ResultWriter = new MapResultWriter(Payload.Object(("Bucket", "work"), ("Prefix", "results"))),
        }.WithItemProcessor(new PassState("Work"));

    private static IEnumerable<string> Errors(MapState map, WorkflowVariant variant = WorkflowVariant.Standard) =>
        WorkflowValidator.Validate(StateMachineDefinition.From(Chain.Start(map)), variant).Select(error => error.ToString());

    [Fact]
    public void DistributedMap_RendersEveryFieldWhereStepFunctionsReadsIt()
    {
        var asl = JsonNode.Parse(AslRenderer.Render(StateMachineDefinition.From(Chain.Start(Distributed())), WorkflowVariant.Standard, new ExampleArnResolver()))!;
        var map = asl["States"]!["Each"]!;

        map["ItemReader"].Should().NotBeNull();
        JsonNode.DeepEquals(map["ItemReader"], JsonNode.Parse("""
            {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL", "MaxItems": 100}, "Parameters": {"Bucket": "work", "Key.$": "$.manifest"}}
            """)).Should().BeTrue(map["ItemReader"]!.ToJsonString());
        JsonNode.DeepEquals(map["ItemBatcher"], JsonNode.Parse("""{"MaxItemsPerBatch": 10, "BatchInput": {"run.$": "$.run"}}""")).Should().BeTrue();
        JsonNode.DeepEquals(map["ResultWriter"], JsonNode.Parse("""{"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "work", "Prefix": "results"}}""")).Should().BeTrue();
        (map["ToleratedFailurePercentage"]!.GetValue<decimal>(), map["Label"]!.GetValue<string>(), map["MaxConcurrency"]!.GetValue<int>()).Should().Be((5m, "Chunks", 50));
        JsonNode.DeepEquals(map["ItemProcessor"]!["ProcessorConfig"], JsonNode.Parse("""{"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}""")).Should().BeTrue();
    }

    [Fact]
    public void DistributedMap_PassesTheAslValidator()
    {
        var file = AslValidatorTool.WriteTemp(
            AslRenderer.Render(StateMachineDefinition.From(Chain.Start(Distributed())), WorkflowVariant.Standard, new ExampleArnResolver()), "distributed.asl.json");

        var (exitCode, output) = AslValidatorTool.Run(file);

        exitCode.Should().Be(0, output);
    }

    [Fact]
    public void AnS3InventoryManifest_IsAnItemReaderTheValidatorAndTheAslValidatorAccept()
    {
        var map = Distributed() with { ItemReader = Distributed().ItemReader! with { InputType = MapItemReader.Manifest } };
        var file = AslValidatorTool.WriteTemp(
            AslRenderer.Render(StateMachineDefinition.From(Chain.Start(map)), WorkflowVariant.Standard, new ExampleArnResolver()), "manifest.asl.json");

        Errors(map).Should().BeEmpty();
        AslValidatorTool.Run(file).ExitCode.Should().Be(0);
    }

    [Fact]
    public void DistributedMap_IsRefusedOnTheExpressMachine() =>
        Errors(Distributed(), WorkflowVariant.Express).Should().Contain("Each: Express workflows cannot run a distributed Map");

    [Fact]
    public void DistributedFields_OnAnInlineMap_AreRefused() =>
        Errors(Distributed(MapProcessorMode.Inline)).Should().BeEquivalentTo(
            new[] { "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage", "Label" }
                .Select(field => $"Each: {field} applies only to a distributed Map (ProcessorConfig Mode DISTRIBUTED)"));

    [Theory]
    [InlineData("ItemsPath")]
    [InlineData("Percentage")]
    [InlineData("Label")]
    [InlineData("Batcher")]
    [InlineData("Concurrency")]
    [InlineData("InputType")]
    public void InvalidDistributedMap_IsRefusedWithTheReason(string defect)
    {
        var map = defect switch
        {
            "ItemsPath" => Distributed() with { ItemsPath = "$.items" },
            "Percentage" => Distributed() with { ToleratedFailurePercentage = 101 },
            "Label" => Distributed() with { Label = "two words" },
            "Batcher" => Distributed() with { ItemBatcher = new MapItemBatcher(null) },
            "InputType" => Distributed() with { ItemReader = Distributed().ItemReader! with { InputType = "XML" } },
            _ => Distributed() with { MaxConcurrency = 10_001 },
        };

        Errors(map).Should().ContainSingle().Which.Should().Contain(defect switch
        {
            "ItemsPath" => "not both",
            "Percentage" => "between 0 and 100",
            "Label" => "at most 40 characters",
            "Batcher" => "MaxItemsPerBatch or MaxInputBytesPerBatch",
            "InputType" => "'XML' is not JSON, JSONL, CSV or MANIFEST",
            _ => "<= 10000",
        });
    }
}
