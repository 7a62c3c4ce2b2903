using static Pipeline.Workflows.Tests.TestDefinitions;

namespace Pipeline.Workflows.Tests;

public class JsonataValidatorTests
{
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:Price";

    private static StateMachineDefinition Jsonata(params IChainable[] parts) =>
        StateMachineDefinition.Jsonata(parts.Skip(1).Aggregate(Chain.Start(parts[0]), (chain, next) => chain.Next(next)));

    [Fact]
    public void AJsonPathStateCannotTakeJsonataFields()
    {
        var definition = Sequence(new PassState("Shape") { Output = Payload.Object(("a", 1)) });

        ErrorsOf(definition).Should().Equal("Shape: Output is not a field of a JSONPath Pass state");
    }

    [Fact]
    public void SucceedAndFailCannotAssignVariables()
    {
        var definition = Jsonata(
            new ChoiceState("Route").When(Condition.Jsonata("true"), new SucceedState("Done") { Assign = Payload.Object(("x", 1)) })
                .Otherwise(new FailState("Failed") { Assign = Payload.Object(("y", 1)), Output = Payload.Object(("z", 1)) }));

        ErrorsOf(definition).Should().Equal(
            "Done: Assign is not a field of a JSONata Succeed state",
            "Failed: Output is not a field of a JSONata Fail state",
            "Failed: Assign is not a field of a JSONata Fail state");
    }

    [Fact]
    public void AJsonPathChoiceRuleCannotTestAJsonataCondition()
    {
        var definition = Sequence(new ChoiceState("Route")
            .When(Condition.Jsonata("$states.input.ready"), new SucceedState("Done"), output: Payload.Object(("a", 1)))
            .Otherwise(new SucceedState("Other")));

        ErrorsOf(definition).Should().Equal(
            "Route: Choices[0].Condition is not a field of a JSONPath Choice rule: use Variable and a comparison operator",
            "Route: Choices[0].Output is not a field of a JSONPath Choice rule");
    }

    [Fact]
    public void AJsonataChoiceRuleTestsACondition_NotAComparison()
    {
        var definition = Jsonata(ChoiceState.Jsonata("Route").When(Condition.IsPresent("$.ready"), new SucceedState("Done")).Otherwise(new SucceedState("Other")));

        ErrorsOf(definition).Should().Equal("Route: Choices[0]: a JSONata Choice rule tests a Condition, not Variable and comparison operators");
    }

    [Fact]
    public void AJsonataConditionCannotBeNestedInAJsonPathRule()
    {
        var definition = Sequence(new ChoiceState("Route")
            .When(Condition.Not(Condition.Jsonata("true")), new SucceedState("Done"))
            .Otherwise(new SucceedState("Other")));

        ErrorsOf(definition).Should().Equal("Route: Choices[0].Not: a JSONata Condition cannot be nested in And, Or or Not");
    }

    [Fact]
    public void CatchersTakeTheFieldsOfTheirStatesLanguage()
    {
        var jsonata = TaskState.Jsonata("Jsonata", Function).AddCatch(new SucceedState("Recovered"), resultPath: "$.error");
        var jsonPath = new TaskState("JsonPath", Function).AddCatch(new Catcher([ErrorNames.All], "Recovered") { Output = Payload.Object(("a", 1)) });

        ErrorsOf(Sequence(jsonata, jsonPath)).Should().Equal(
            "Jsonata: Catch[0].ResultPath is not a field of a JSONata catcher: use Output, with the error in $states.errorOutput",
            "JsonPath: Catch[0].Output is not a field of a JSONPath catcher: use ResultPath");
    }

    [Fact]
    public void AJsonPathWaitCannotWaitForAJsonataExpression()
    {
        var definition = Sequence(new WaitState("Pause") { SecondsExpression = "{% $states.input.delay %}" });

        ErrorsOf(definition).Should().Equal("Pause: Seconds holds a JSONata expression, which a JSONPath Wait state cannot evaluate");
    }

    [Fact]
    public void AJsonataStateCannotHoldPathsOrIntrinsics()
    {
        var definition = Jsonata(TaskState.Jsonata("Price", Function, arguments: Payload.Object(("lines", Payload.Path("$.lines")))));

        ErrorsOf(definition).Should().Equal(
            "Price: Arguments.lines: '$.lines' is a JSONPath or intrinsic function, which a JSONata state cannot evaluate: write a {% ... %} expression");
    }

    [Fact]
    public void AMalformedExpression_IsRefusedNamingTheStateAndTheField()
    {
        var definition = Jsonata(TaskState.Jsonata("Price", Function, output: Payload.Object(("total", Payload.Jsonata("$sum($states.result.")))));

        ErrorsOf(definition).Should().ContainSingle().Which.Should()
            .StartWith("Price: Output.total '{% $sum($states.result. %}' is not a valid JSONata expression: ");
    }

    [Fact]
    public void AMalformedCondition_IsRefused()
    {
        var definition = Jsonata(ChoiceState.Jsonata("Route").When(Condition.Jsonata("$states.input.total >"), new SucceedState("Done")).Otherwise(new SucceedState("Other")));

        ErrorsOf(definition).Should().ContainSingle().Which.Should()
            .StartWith("Route: Choices[0].Condition '{% $states.input.total > %}' is not a valid JSONata expression: ");
    }

    [Fact]
    public void AnExpressionOnlyField_MustBeWrittenInBraces()
    {
        var definition = Jsonata(new WaitState("Pause") { SecondsExpression = "$states.input.delay" });

        ErrorsOf(definition).Should().Equal("Pause: Seconds '$states.input.delay' must be a JSONata expression written {% ... %}");
    }

    [Fact]
    public void AJsonataFailMayComputeItsErrorAndCause_ButOnlyWellFormed()
    {
        var definition = Jsonata(new FailState("Failed") { Error = "{% $states.input.error %}", Cause = "{% $string( %}" });

        ErrorsOf(definition).Should().ContainSingle().Which.Should().StartWith("Failed: Cause '{% $string( %}' is not a valid JSONata expression: ");
    }

    [Fact]
    public void AJsonataMapCannotReadItemsBothWays()
    {
        var map = MapState.Jsonata("Each", items: Payload.Jsonata("$states.input")) with
        {
            ProcessorMode = MapProcessorMode.DistributedStandard,
            ItemReader = new MapItemReader(Payload.Object(("Bucket", "data"), ("Key", "items.json"))),
            MaxConcurrency = 5,
            MaxConcurrencyExpression = "{% 5 %}",
            ItemProcessor = StateGraph.From(new SucceedState("Item")),
        };

        ErrorsOf(Jsonata(map)).Should().Equal(
            "Each: MaxConcurrency is either a number or a JSONata expression, not both",
            "Each: a Map reads its items from ItemReader or from ItemsPath (Items in JSONata), not both");
    }
}
