using System.Text.Json;

namespace Pipeline.Workflows.Tests;

public class AslRendererTests
{
    private sealed class InterpolatingResolver : IResourceResolver
    {
        public string Resolve(ResourceRef reference) => $"${{{reference.Id}.arn}}";
    }

    private static JsonElement RenderToJson(StateMachineDefinition definition, IResourceResolver? resolver = null) =>
        JsonDocument.Parse(AslRenderer.Render(definition, WorkflowVariant.Standard, resolver ?? new ExampleArnResolver())).RootElement;

    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(property => property.Name);

    [Fact]
    public void Render_ShouldWriteKeysInTheAslOrder()
    {
        var json = RenderToJson(PipelineWorkflow.Create(new PipelineWorkflowOptions(ExecutionTimeoutSeconds: 300)));

        Keys(json).Should().Equal("Comment", "StartAt", "TimeoutSeconds", "States");
        Keys(json.GetProperty("States").GetProperty("LoadBatch")).Should().Equal(
            "Type", "Resource", "Parameters", "ResultSelector", "ResultPath", "TimeoutSeconds", "Retry", "Catch", "Next");
        Keys(json.GetProperty("States").GetProperty("ProcessChunks"))
            .Should().Equal("Type", "ItemReader", "ItemSelector", "MaxConcurrency", "ResultWriter", "ItemProcessor", "ResultSelector", "ResultPath", "Next");
        foreach (var state in json.GetProperty("States").EnumerateObject())
            Keys(state.Value).First().Should().Be("Type");
    }

    [Fact]
    public void Render_ShouldBindResourcesThroughTheResolver()
    {
        var json = RenderToJson(PipelineWorkflow.Create(), new InterpolatingResolver());
        var states = json.GetProperty("States");

        states.GetProperty("LoadBatch").GetProperty("Parameters").GetProperty("FunctionName").GetString().Should().Be("${LoadBatch.arn}");
        states.GetProperty("LoadBatch").GetProperty("Resource").GetString().Should().Be("arn:aws:states:::lambda:invoke");
        states.GetProperty("NotifyFailure").GetProperty("Parameters").GetProperty("TopicArn").GetString().Should().Be("${NotificationTopic.arn}");
    }

    [Theory]
    [InlineData("dev", "arn:aws:lambda:us-east-1:123456789012:function:pipeline-dev-load-batch", "arn:aws:sns:us-east-1:123456789012:pipeline-dev-notifications")]
    [InlineData("prod", "arn:aws:lambda:us-east-1:123456789012:function:pipeline-prod-load-batch", "arn:aws:sns:us-east-1:123456789012:pipeline-prod-notifications")]
    public void ExampleArnResolver_ShouldNameResourcesPerStack(string stack, string function, string topic)
    {
        var resolver = new ExampleArnResolver(stack);

        resolver.Resolve(ResourceRef.Function("LoadBatch")).Should().Be(function);
        resolver.Resolve(ResourceRef.Topic("NotificationTopic")).Should().Be(topic);
        resolver.Invoking(r => r.Resolve(ResourceRef.Topic("Unknown"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Render_ShouldWriteEveryStateTypeAndField()
    {
        var at = new DateTimeOffset(2024, 3, 14, 1, 59, 0, TimeSpan.FromHours(2));
        var chain = Chain.Start(new PassState("Seed") { Comment = "seed", Result = Payload.Object(("items", Payload.Array(1, "two", true, Payload.Null))), ResultPath = "$.seed", InputPath = DataPath.Null })
            .Next(WaitState.ForSeconds("Pause", 5))
            .Next(WaitState.Until("Until", at))
            .Next(WaitState.ForSecondsAt("PauseAt", "$.delay"))
            .Next(WaitState.UntilTimestampAt("UntilAt", "$.when"))
            .Next(new ChoiceState("Route") { Default = "Stop" }
                .When(Condition.Or(Condition.And(Condition.IsPresent("$.a"), Condition.Not(Condition.IsNull("$.a"))), Condition.StringMatches("$.b", "*.csv")), new SucceedState("Done") { OutputPath = "$.seed" }));

        var definition = StateMachineDefinition.From(chain).States.Add(new FailState("Stop") { Error = "Stopped", Cause = "no rule matched" });
        var json = RenderToJson(new StateMachineDefinition("Seed", definition));
        var states = json.GetProperty("States");

        Keys(states.GetProperty("Seed")).Should().Equal("Type", "Comment", "InputPath", "Result", "ResultPath", "Next");
        states.GetProperty("Seed").GetProperty("InputPath").ValueKind.Should().Be(JsonValueKind.Null);
        states.GetProperty("Seed").GetProperty("Result").GetProperty("items").GetRawText().Should().MatchRegex(@"^\[\s*1,\s*""two"",\s*true,\s*null\s*\]$");
        states.GetProperty("Pause").GetProperty("Seconds").GetInt32().Should().Be(5);
        states.GetProperty("Until").GetProperty("Timestamp").GetString().Should().Be("2024-03-13T23:59:00Z");
        states.GetProperty("PauseAt").GetProperty("SecondsPath").GetString().Should().Be("$.delay");
        states.GetProperty("UntilAt").GetProperty("TimestampPath").GetString().Should().Be("$.when");
        states.GetProperty("Stop").GetProperty("Error").GetString().Should().Be("Stopped");
        states.GetProperty("Stop").GetProperty("Cause").GetString().Should().Be("no rule matched");
        states.GetProperty("Done").GetProperty("OutputPath").GetString().Should().Be("$.seed");

        var rule = states.GetProperty("Route").GetProperty("Choices")[0];
        Keys(rule).Should().Equal("Or", "Next");
        rule.GetProperty("Or")[0].GetProperty("And")[0].GetProperty("IsPresent").GetBoolean().Should().BeTrue();
        rule.GetProperty("Or")[0].GetProperty("And")[1].GetProperty("Not").GetProperty("Variable").GetString().Should().Be("$.a");
        rule.GetProperty("Or")[0].GetProperty("And")[1].GetProperty("Not").GetProperty("IsNull").GetBoolean().Should().BeTrue();
        rule.GetProperty("Or")[1].GetProperty("StringMatches").GetString().Should().Be("*.csv");
        states.GetProperty("Route").GetProperty("Default").GetString().Should().Be("Stop");
    }

    [Fact]
    public void Render_ShouldWriteMapProcessorConfigAndTaskTimeouts()
    {
        var task = new TaskState("Poll", "arn:aws:states:::lambda:invoke") { TimeoutSeconds = 60, HeartbeatSeconds = 10, OutputPath = "$.Payload" };
        var map = new MapState("Each") { ProcessorMode = MapProcessorMode.DistributedStandard, ResultPath = DataPath.Null }
            .WithItemProcessor(task);

        var each = RenderToJson(StateMachineDefinition.From(map)).GetProperty("States").GetProperty("Each");

        each.GetProperty("ResultPath").ValueKind.Should().Be(JsonValueKind.Null);
        var processor = each.GetProperty("ItemProcessor");
        Keys(processor).Should().Equal("ProcessorConfig", "StartAt", "States");
        processor.GetProperty("ProcessorConfig").GetProperty("Mode").GetString().Should().Be("DISTRIBUTED");
        processor.GetProperty("ProcessorConfig").GetProperty("ExecutionType").GetString().Should().Be("STANDARD");
        var poll = processor.GetProperty("States").GetProperty("Poll");
        Keys(poll).Should().Equal("Type", "Resource", "OutputPath", "TimeoutSeconds", "HeartbeatSeconds", "End");
        poll.GetProperty("HeartbeatSeconds").GetInt32().Should().Be(10);
    }

    public static TheoryData<ComparisonOperator> Operators => [.. Enum.GetValues<ComparisonOperator>()];

    [Theory]
    [MemberData(nameof(Operators))]
    public void Render_ShouldWriteEveryComparisonOperatorWithItsOperand(ComparisonOperator op)
    {
        var condition = ConditionFor(op);
        var definition = new StateMachineDefinition("Route",
        [
            new ChoiceState("Route") { Default = "Done" }.When(condition, "Done"),
            new SucceedState("Done"),
        ]);

        var rule = RenderToJson(definition).GetProperty("States").GetProperty("Route").GetProperty("Choices")[0];

        Keys(rule).Should().Equal("Variable", op.ToString(), "Next");
        rule.GetProperty("Variable").GetString().Should().Be("$.value");
        var operand = rule.GetProperty(op.ToString());
        var name = op.ToString();
        if (name.EndsWith("Path", StringComparison.Ordinal))
            operand.GetString().Should().Be("$.other");
        else if (name.StartsWith("Is", StringComparison.Ordinal) || name == "BooleanEquals")
            operand.ValueKind.Should().Be(JsonValueKind.True);
        else if (name.StartsWith("Numeric", StringComparison.Ordinal))
            operand.GetDecimal().Should().Be(1.5m);
        else if (name.StartsWith("Timestamp", StringComparison.Ordinal))
            operand.GetString().Should().Be("2024-01-02T03:04:05Z");
        else
            operand.GetString().Should().Be("text*");
    }

    /// <summary>Builds the condition through the public factory of the same name.</summary>
    private static Condition ConditionFor(ComparisonOperator op)
    {
        var factory = typeof(Condition).GetMethod(op.ToString())!;
        var operand = factory.GetParameters()[1].ParameterType switch
        {
            var type when type == typeof(decimal) => 1.5m,
            var type when type == typeof(bool) => (object)true,
            var type when type == typeof(DateTimeOffset) => new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            _ => op.ToString().EndsWith("Path", StringComparison.Ordinal) ? "$.other" : "text*",
        };
        var condition = (ComparisonCondition)factory.Invoke(null, ["$.value", operand])!;
        condition.Operator.Should().Be(op);
        return condition;
    }
}
