using System.Text.Json.Nodes;
using static Pipeline.Workflows.Tests.TestDefinitions;

namespace Pipeline.Workflows.Tests;

public class JsonataRenderingTests
{
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:Price";

    /// <summary>The fields only a JSONPath state takes; a JSONata state renders none of them, at any depth.</summary>
    private static readonly string[] JsonPathOnlyFields =
    [
        "Parameters", "InputPath", "OutputPath", "ResultPath", "ResultSelector", "ItemsPath", "SecondsPath", "TimestampPath",
        "ErrorPath", "CausePath", "MaxConcurrencyPath", "Variable",
    ];

    private static JsonNode Render(StateMachineDefinition definition) =>
        JsonNode.Parse(AslRenderer.Render(definition, WorkflowVariant.Standard, new ExampleArnResolver()))!;

    /// <summary>A JSONata state of every type, each with the fields JSONata gives it, distributed Map included.</summary>
    internal static StateMachineDefinition EveryJsonataState()
    {
        var done = new SucceedState("Done") { Output = Payload.Jsonata("$states.input") };
        var failed = new FailState("Failed") { Error = "{% $states.input.Error %}", Cause = "{% $string($states.input) %}" };
        var task = TaskState.Jsonata("Price", Function, arguments: Payload.Object(("lines", Payload.Jsonata("$states.input.lines"))))
            .AddCatch(new Catcher([ErrorNames.All], "Failed")
            {
                Output = Payload.Jsonata("$states.errorOutput"),
                Assign = Payload.Object(("failure", Payload.Jsonata("$states.errorOutput.Error"))),
            });
        var wait = new WaitState("Pause") { QueryLanguage = QueryLanguage.Jsonata, SecondsExpression = "{% $states.input.delay %}" };
        var parallel = new ParallelState("Both")
        {
            Arguments = Payload.Object(("order", Payload.Jsonata("$states.input"))),
            Output = Payload.Jsonata("$states.result[0]"),
        }.AddBranch(PassState.Jsonata("Left", output: Payload.Jsonata("$states.input.order"))).AddBranch(new PassState("Right"));
        var distributed = MapState.Jsonata("Shards") with
        {
            ProcessorMode = MapProcessorMode.DistributedExpress,
            ItemReader = new MapItemReader(Payload.Object(("Bucket", "data"), ("Key", Payload.Jsonata("$states.input.key")))),
            ResultWriter = new MapResultWriter(Payload.Object(("Bucket", "data"), ("Prefix", "results"))),
            MaxConcurrencyExpression = "{% $states.input.width %}",
            ItemProcessor = StateGraph.From(PassState.Jsonata("Shard")),
        };
        var choice = ChoiceState.Jsonata("Route")
            .When(Condition.Jsonata("$states.input.ready"), Chain.Start(distributed).Next(done), output: Payload.Object(("key", "ready.json")))
            .Otherwise(failed);
        return StateMachineDefinition.Jsonata(
            Chain.Start(PassState.Jsonata("Start", assign: Payload.Object(("started", Payload.Jsonata("$now()")))))
                .Next(task).Next(wait).Next(parallel).Next(choice));
    }

    [Fact]
    public void StatesOfAJsonataMachine_InheritItsLanguageWithoutNamingIt()
    {
        var asl = Render(StateMachineDefinition.Jsonata(PassState.Jsonata("Only", output: Payload.Jsonata("$states.input"))));

        asl["QueryLanguage"]!.GetValue<string>().Should().Be("JSONata");
        asl["States"]!["Only"]!.AsObject().ContainsKey("QueryLanguage").Should().BeFalse();
    }

    [Fact]
    public void AJsonataStateOfAJsonPathMachine_NamesItsLanguage()
    {
        var asl = Render(Sequence(
            new PassState("Plain") { QueryLanguage = QueryLanguage.JsonPath },
            PassState.Jsonata("Shaped", output: Payload.Jsonata("$states.input"))));

        asl.AsObject().ContainsKey("QueryLanguage").Should().BeFalse();
        asl["States"]!["Plain"]!.AsObject().ContainsKey("QueryLanguage").Should().BeFalse();
        asl["States"]!["Shaped"]!["QueryLanguage"]!.GetValue<string>().Should().Be("JSONata");
    }

    [Fact]
    public void AJsonPathStateInAJsonataMachine_IsRefusedBeforeRendering()
    {
        var definition = StateMachineDefinition.Jsonata(new PassState("Legacy") { QueryLanguage = QueryLanguage.JsonPath });

        var render = () => Render(definition);

        render.Should().Throw<WorkflowValidationException>()
            .Which.Errors.Select(error => error.ToString()).Should().Contain("Legacy: a JSONata state machine cannot hold a JSONPath state");
    }

    [Fact]
    public void EveryJsonataStateType_RendersNoJsonPathField()
    {
        var asl = Render(EveryJsonataState());

        Keys(asl).Intersect(JsonPathOnlyFields).Should().BeEmpty();
        asl["States"]!["Shards"]!["ItemReader"]!["Arguments"]!["Key"]!.GetValue<string>().Should().Be("{% $states.input.key %}");
        asl["States"]!["Shards"]!["ResultWriter"]!.AsObject().ContainsKey("Arguments").Should().BeTrue();
    }

    /// <summary>The AWS CDK renders Parameters for some JSONata states (aws/aws-cdk#34352, #35403); ours refuses to.</summary>
    [Fact]
    public void AJsonataStateGivenJsonPathFields_CannotBeRendered()
    {
        var task = TaskState.Jsonata("Invoke", Function) with
        {
            Parameters = Payload.Object(("FunctionName", "Price")),
            ResultSelector = Payload.Object(("total.$", Payload.Path("$.Payload"))),
            ResultPath = "$.result",
            InputPath = "$.order",
            OutputPath = "$.result",
        };
        var map = MapState.Jsonata("Each") with { ItemsPath = "$.items", ItemProcessor = StateGraph.From(new SucceedState("Item")) };
        var parallel = new ParallelState("Both") { QueryLanguage = QueryLanguage.Jsonata, Parameters = Payload.Object(("a", 1)) }
            .AddBranch(new SucceedState("Branch"));

        var render = () => Render(StateMachineDefinition.Jsonata(Chain.Start(task).Next(map).Next(parallel)));

        render.Should().Throw<WorkflowValidationException>().Which.Errors.Select(error => error.ToString()).Should().Contain(
        [
            "Invoke: InputPath is not a field of a JSONata Task state",
            "Invoke: OutputPath is not a field of a JSONata Task state",
            "Invoke: ResultSelector is not a field of a JSONata Task state",
            "Invoke: ResultPath is not a field of a JSONata Task state",
            "Invoke: Parameters is not a field of a JSONata Task state",
            "Each: ItemsPath is not a field of a JSONata Map state",
            "Both: Parameters is not a field of a JSONata Parallel state",
        ]);
    }

    [Fact]
    public void AJsonPathStateAssigns_PathsWithTheDollarSuffix()
    {
        var pass = new PassState("Remember") { Assign = Payload.Object(("count", Payload.Path("$.count")), ("label", "orders")) };

        var assign = Render(Of(pass with { End = true }))["States"]!["Remember"]!["Assign"]!;

        assign["count.$"]!.GetValue<string>().Should().Be("$.count");
        assign["label"]!.GetValue<string>().Should().Be("orders");
    }

    [Fact]
    public void RenderedJsonataAndVariableDefinitions_PassAslValidator()
    {
        var jsonPathWithVariables = Sequence(
            new PassState("Remember") { Assign = Payload.Object(("count", Payload.Path("$.count")), ("label", "orders")) },
            new ChoiceState("Route").When(Condition.IsPresent("$.count"), new SucceedState("Done"), assign: Payload.Object(("seen", true)))
                .Otherwise(new FailState("Missing")));
        var files = new[]
        {
            ("order-totals.asl.json", JsonataSampleTests.OrderTotals()),
            ("every-jsonata-state.asl.json", EveryJsonataState()),
            ("jsonpath-variables.asl.json", jsonPathWithVariables),
        }.Select(file => AslValidatorTool.WriteTemp(Render(file.Item2).ToJsonString(), file.Item1)).ToArray();

        var (exitCode, output) = AslValidatorTool.Run(files);

        exitCode.Should().Be(0, output);
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Keys(pair.Value).Prepend(pair.Key)),
        JsonArray array => array.SelectMany(Keys),
        _ => [],
    };
}
