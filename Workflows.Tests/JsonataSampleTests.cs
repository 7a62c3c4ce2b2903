using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests;

/// <summary>The JSONata sample the local engine runs, built with the builder instead of written by hand.</summary>
public class JsonataSampleTests
{
    private static readonly string SamplePath = Path.Combine(RepositoryRoot.Path, "samples", "workflows", "order-totals.jsonata.asl.json");

    internal static StateMachineDefinition OrderTotals()
    {
        var remember = PassState.Jsonata(
            "Remember",
            output: Payload.Jsonata("$states.input.orders"),
            assign: Payload.Object(("currency", Payload.Jsonata("$states.input.currency")), ("threshold", 100)));
        var price = TaskState.Jsonata(
            "Price",
            "arn:aws:lambda:us-east-1:123456789012:function:Price",
            arguments: Payload.Object(("lines", Payload.Jsonata("$states.input.order.lines"))),
            output: Payload.Object(
                ("id", Payload.Jsonata("$states.input.order.id")),
                ("total", Payload.Jsonata("$round($states.result.total, 2)")),
                ("currency", Payload.Jsonata("$currency"))));
        var priceOrders = MapState.Jsonata(
                "PriceOrders",
                items: Payload.Jsonata("$states.input"),
                itemSelector: Payload.Object(
                    ("order", Payload.Jsonata("$states.context.Map.Item.Value")),
                    ("position", Payload.Jsonata("$states.context.Map.Item.Index"))))
            .WithItemProcessor(price);
        var summarise = PassState.Jsonata("Summarise", output: Payload.Object(
            ("orders", Payload.Jsonata("$count($states.input)")),
            ("total", Payload.Jsonata("$round($sum($states.input.total), 2)")),
            ("currency", Payload.Jsonata("$currency")),
            ("large", Payload.Jsonata("$large")),
            ("batches", Payload.Jsonata("$partition($states.input.id, 2)"))));
        var anyLarge = (ChoiceState.Jsonata("AnyLarge") with { Assign = Payload.Object(("large", Payload.Array())) })
            .When(
                Condition.Jsonata("$count($states.input[total > $threshold]) > 0"),
                summarise,
                assign: Payload.Object(("large", Payload.Jsonata("$states.input[total > $threshold].id"))))
            .Otherwise(summarise);

        return StateMachineDefinition.Jsonata(
            Chain.Start(remember).Next(priceOrders).Next(anyLarge),
            comment: "A sample in JSONata: prices each order line, keeps the currency in a variable, flags large orders and reports a summary.");
    }

    [Fact]
    public void OrderTotalsBuiltWithTheBuilder_RendersTheSampleTheEngineRuns()
    {
        var rendered = JsonNode.Parse(AslRenderer.Render(OrderTotals(), WorkflowVariant.Standard, new ExampleArnResolver()));

        JsonNode.DeepEquals(rendered, JsonNode.Parse(File.ReadAllText(SamplePath))).Should().BeTrue(rendered!.ToJsonString());
    }

    [Fact]
    public void OrderTotalsBuiltWithTheBuilder_IsAcceptedByTheValidator()
    {
        WorkflowValidator.Validate(OrderTotals(), WorkflowVariant.Standard).Should().BeEmpty();
        WorkflowValidator.Validate(OrderTotals(), WorkflowVariant.Express).Should().BeEmpty();
    }
}
