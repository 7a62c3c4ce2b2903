using static Pipeline.Workflows.Tests.TestDefinitions;

namespace Pipeline.Workflows.Tests;

public class WorkflowValidatorTests
{
    [Fact]
    public void NextTargetMustExist_InNestedGraphs()
    {
        var processor = new StateGraph("Transform",
        [
            Lambda("Transform") with { Next = "Store" },
            Lambda("Store") with { Next = "Sotre" },
        ]);
        var definition = Of(new MapState("Process") { ItemProcessor = processor, End = true });

        ErrorsOf(definition).Should().Equal("Process > ItemProcessor > Store: Next target 'Sotre' does not exist");
    }

    [Fact]
    public void ChoiceTargetsMustExist()
    {
        var choice = new ChoiceState("Route") { Default = "Nowhere" }.When(Condition.IsPresent("$.x"), "Elsewhere");
        var definition = Of(choice, new SucceedState("Done"));

        ErrorsOf(definition).Should().Equal(
            "Route: Choices[0].Next target 'Elsewhere' does not exist",
            "Route: Default target 'Nowhere' does not exist");
    }

    [Fact]
    public void CatchTargetMustExist()
    {
        var definition = Of(Lambda("Load").AddCatch(new Catcher([ErrorNames.All], "Recover")) with { End = true });

        ErrorsOf(definition).Should().Equal("Load: Catch[0].Next target 'Recover' does not exist");
    }

    [Fact]
    public void TransitionsCannotLeaveANestedGraph()
    {
        var branch = new StateGraph("Inner", [new PassState("Inner") { Next = "Outer" }]);
        var definition = Of(new ParallelState("Fan") { Branches = [branch], Next = "Outer" }, new SucceedState("Outer"));

        ErrorsOf(definition).Should().Equal(
            "Fan > Branches[0] > Inner: Next target 'Outer' is in another graph (Outer): transitions cannot enter or leave a Parallel branch or Map item processor");
    }

    [Fact]
    public void StateNamesMustBeUniqueAcrossNestedGraphs()
    {
        var definition = Sequence(
            new ParallelState("Fan").AddBranch(new PassState("Store")),
            new PassState("Store"));

        ErrorsOf(definition).Should().ContainSingle().Which.Should().Be(
            "Store: state name 'Store' is not unique (also at Fan > Branches[0] > Store); names must be unique across nested graphs");
    }

    [Fact]
    public void StateNamesMustBeOneToEightyCharacters()
    {
        var longName = new string('x', 81);
        var definition = Sequence(new PassState(longName));

        ErrorsOf(definition).Should().Equal($"{longName}: state name must be 1-80 characters (has 81)");
    }

    [Fact]
    public void EveryStateMustBeReachable()
    {
        var definition = Of(new PassState("Start") { End = true }, new PassState("Orphan") { End = true });

        ErrorsOf(definition).Should().Equal("Orphan: is not reachable from StartAt 'Start'");
    }

    [Fact]
    public void StartAtMustExist()
    {
        var definition = new StateMachineDefinition("Begin", [new SucceedState("Done")]);

        ErrorsOf(definition).Should().Contain("State machine: StartAt 'Begin' does not exist");
    }

    [Fact]
    public void EveryPathMustReachATerminalState()
    {
        var definition = Of(
            new PassState("Poll") { Next = "Check" },
            new ChoiceState("Check") { Default = "Poll" }.When(Condition.BooleanEquals("$.done", false), "Poll"));

        ErrorsOf(definition).Should().BeEquivalentTo(
            "Poll: no path from this state reaches a terminal state (End, Succeed or Fail): every path must end",
            "Check: no path from this state reaches a terminal state (End, Succeed or Fail): every path must end");
    }

    [Fact]
    public void FlowStateMustHaveNextOrEnd()
    {
        var definition = Of(new PassState("Dangling"), new PassState("Both") { Next = "Dangling", End = true });

        ErrorsOf(definition).Should().Contain("Dangling: has neither Next nor End: every path must end in a terminal state")
            .And.Contain("Both: has both Next and End");
    }

    [Fact]
    public void ChoiceMustHaveChoices()
    {
        var definition = Of(new ChoiceState("Route") { Default = "Done" }, new SucceedState("Done"));

        ErrorsOf(definition).Should().Equal("Route: Choice has no choice rules");
    }

    [Fact]
    public void StatesAllMustBeAloneInErrorEquals()
    {
        var task = Lambda("Load").AddRetry(new Retrier([ErrorNames.All, "Lambda.ServiceException"])) with { End = true };

        ErrorsOf(Of(task)).Should().Equal("Load: Retry[0]: States.ALL must appear alone in ErrorEquals");
    }

    [Fact]
    public void StatesAllMustBeInTheLastRetrierAndCatcher()
    {
        var fail = new FailState("Failed");
        var task = Lambda("Load")
            .AddRetry(new Retrier([ErrorNames.All]))
            .AddRetry(new Retrier(["Lambda.ServiceException"]))
            .AddCatch(fail)
            .AddCatch(fail, errors: ["InvalidInput"]) with { End = true };

        ErrorsOf(Of(task, fail)).Should().Equal(
            "Load: Retry[0]: States.ALL must be in the last retrier",
            "Load: Catch[0]: States.ALL must be in the last catcher");
    }

    [Theory]
    [InlineData(-1, null, null, "Load: Retry[0].MaxAttempts must be >= 0 (is -1)")]
    [InlineData(null, 0.5, null, "Load: Retry[0].BackoffRate must be >= 1 (is 0.5)")]
    [InlineData(null, null, 0, "Load: Retry[0].IntervalSeconds must be >= 1 (is 0)")]
    public void RetryNumbersMustBeInBounds(int? maxAttempts, double? backoffRate, int? intervalSeconds, string expected)
    {
        var retrier = new Retrier(["Lambda.ServiceException"])
        {
            MaxAttempts = maxAttempts,
            BackoffRate = (decimal?)backoffRate,
            IntervalSeconds = intervalSeconds,
        };

        ErrorsOf(Sequence(Lambda("Load").AddRetry(retrier))).Should().Equal(expected);
    }

    [Theory]
    [InlineData("$.detail..", "'$.detail..' is not a valid JSONPath: expected a field name at position 10")]
    [InlineData("detail.key", "'detail.key' is neither a JSONPath (starting with $) nor an intrinsic function (States.*)")]
    [InlineData("$.items[", "'$.items[' is not a valid JSONPath: the '[' at position 7 is never closed")]
    [InlineData("States.Formatt('{}', $.a)", "'States.Formatt('{}', $.a)' is not a valid intrinsic function call: unknown intrinsic function 'States.Formatt'")]
    [InlineData("States.Format('{}', $.a", "'States.Format('{}', $.a' is not a valid intrinsic function call: unbalanced parentheses: States.Format( is never closed")]
    [InlineData("States.Format('{} of {}', $.a)", "'States.Format('{} of {}', $.a)' is not a valid intrinsic function call: States.Format has 2 placeholder(s) but 1 value argument(s)")]
    [InlineData("States.ArrayLength($.a, $.b)", "'States.ArrayLength($.a, $.b)' is not a valid intrinsic function call: States.ArrayLength takes 1 argument(s), not 2")]
    [InlineData("States.Format('it\\'s {}', States.UUID(1))", "'States.Format('it\\'s {}', States.UUID(1))' is not a valid intrinsic function call: States.UUID takes 0 argument(s), not 1")]
    [InlineData("States.Format('bad \\n', $.a)", "'States.Format('bad \\n', $.a)' is not a valid intrinsic function call: invalid escape in string literal at position 19: only \\' \\{ \\} \\\\ are allowed")]
    public void PayloadExpressionsMustBeValidJsonPathOrIntrinsicFunctions(string expression, string reason)
    {
        var task = Lambda("Load") with { ResultSelector = Payload.Object(("value", Payload.Intrinsic(expression))) };

        ErrorsOf(Sequence(task)).Should().Equal($"Load: ResultSelector.value.$: {reason}");
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$.detail.bucket.name")]
    [InlineData("$$.Map.Item.Value")]
    [InlineData("$['detail-type']")]
    [InlineData("$.items[0].id")]
    [InlineData("$.items[*].id")]
    [InlineData("$..id")]
    [InlineData("$.items[1:3]")]
    [InlineData("$.items[?(@.valid == true)]")]
    [InlineData("States.Format('{} of {} \\{literal\\}', $.a, States.ArrayLength($.items))")]
    [InlineData("States.JsonToString($$.Execution.Input)")]
    [InlineData("States.MathRandom(1, 10)")]
    [InlineData("States.Array('a', 1, true, null, $.b)")]
    [InlineData("States.UUID()")]
    public void ValidPayloadExpressions_ShouldBeAccepted(string expression)
    {
        var task = Lambda("Load") with { ResultSelector = Payload.Object(("value", Payload.Intrinsic(expression))) };

        ErrorsOf(Sequence(task)).Should().BeEmpty();
    }

    [Fact]
    public void ResultPathMustBeAReferencePathWithoutContextObject()
    {
        var task = Lambda("Load") with { ResultPath = "$$.Execution.Name" };
        var map = new MapState("Each") { ItemsPath = "$.items[*]" }.WithItemProcessor(new PassState("Item"));

        ErrorsOf(Sequence(task, map)).Should().Equal(
            "Load: ResultPath '$$.Execution.Name' is not a valid reference path: the context object ($$) cannot be used here",
            "Each: ItemsPath '$.items[*]' is not a valid reference path: a reference path can only select one field or index, not '[*]'");
    }

    [Fact]
    public void PayloadFieldsMustBeUniqueAndNamedWithoutDollarSuffix()
    {
        var task = Lambda("Load") with
        {
            ResultSelector = Payload.Object(("key", Payload.Path("$.a")), ("key", "literal"), ("other.$", "$.b")),
        };

        ErrorsOf(Sequence(task)).Should().Equal(
            "Load: ResultSelector has the field 'key' twice",
            "Load: ResultSelector.other.$: write the name without '.$' and the value as Payload.Path or Payload.Intrinsic");
    }

    [Fact]
    public void ConditionsMustBeWellFormed()
    {
        var choice = new ChoiceState("Route")
            .When(Condition.And(), "Done")
            .When(new ComparisonCondition("$.count", ComparisonOperator.NumericEquals, new PayloadText("1")), "Done")
            .When(Condition.Not(Condition.StringMatches("$.name", "data\\.csv")), "Done")
            .When(new ComparisonCondition("$.at", ComparisonOperator.TimestampLessThan, new PayloadText("yesterday")), "Done")
            .When(Condition.NumericLessThanPath("$.count", "$.limits[*]"), "Done")
            .When(Condition.IsNull("count"), "Done");

        ErrorsOf(Of(choice, new SucceedState("Done"))).Should().Equal(
            "Route: Choices[0].And needs at least one condition",
            "Route: Choices[1].NumericEquals needs a number operand",
            "Route: Choices[2].Not.StringMatches pattern 'data\\.csv' has an invalid escape at position 4: only \\* and \\\\ are allowed",
            "Route: Choices[3].TimestampLessThan 'yesterday' is not an RFC 3339 timestamp",
            "Route: Choices[4].NumericLessThanPath '$.limits[*]' is not a valid reference path: a reference path can only select one field or index, not '[*]'",
            "Route: Choices[5].Variable 'count' is not a valid JSONPath: a path must start with '$'");
    }

    [Fact]
    public void HeartbeatMustBeShorterThanTimeout()
    {
        var task = Lambda("Load") with { TimeoutSeconds = 60, HeartbeatSeconds = 60 };

        ErrorsOf(Sequence(task)).Should().Equal("Load: HeartbeatSeconds (60) must be less than TimeoutSeconds (60)");
    }

    [Fact]
    public void WaitNeedsExactlyOneDuration()
    {
        var wait = WaitState.ForSeconds("Pause", 5) with { SecondsPath = "$.delay" };

        ErrorsOf(Sequence(wait)).Should().Equal("Pause: Wait needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath (has 2)");
    }

    [Fact]
    public void FailCannotHaveBothLiteralAndPathForms()
    {
        var fail = new FailState("Failed") { Error = "Boom", ErrorPath = "$.error.Error", Cause = "Because", CausePath = "$.error.Cause" };

        ErrorsOf(Of(fail)).Should().Equal("Failed: Fail has both Error and ErrorPath", "Failed: Fail has both Cause and CausePath");
    }

    [Fact]
    public void ExpressMustNotUseSyncOrCallbackIntegrations()
    {
        var definition = Sequence(
            new TaskState("RunJob", "arn:aws:states:::glue:startJobRun.sync"),
            new TaskState("StartChild", "arn:aws:states:::states:startExecution.sync:2"),
            new TaskState("AwaitApproval", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"));

        ErrorsOf(definition, WorkflowVariant.Express).Should().Equal(
            "RunJob: Express workflows cannot use the .sync integration pattern (Resource 'arn:aws:states:::glue:startJobRun.sync')",
            "StartChild: Express workflows cannot use the .sync integration pattern (Resource 'arn:aws:states:::states:startExecution.sync:2')",
            "AwaitApproval: Express workflows cannot use the .waitForTaskToken integration pattern (Resource 'arn:aws:states:::sqs:sendMessage.waitForTaskToken')");
    }

    [Fact]
    public void ExpressMustNotRunADistributedMap()
    {
        var map = new MapState("Each") { ProcessorMode = MapProcessorMode.DistributedExpress }.WithItemProcessor(new PassState("Item"));

        ErrorsOf(Sequence(map), WorkflowVariant.Express).Should().Equal("Each: Express workflows cannot run a distributed Map");
    }

    [Fact]
    public void ExpressTimeoutsMustNotExceedFiveMinutes()
    {
        var definition = Sequence(
            new ParallelState("Fan").AddBranch(Lambda("Slow") with { TimeoutSeconds = 600 }),
            WaitState.ForSeconds("Pause", 301)) with { TimeoutSeconds = 900 };

        ErrorsOf(definition, WorkflowVariant.Express).Should().Equal(
            "State machine: TimeoutSeconds 900 exceeds the Express limit of 300 s",
            "Fan > Branches[0] > Slow: TimeoutSeconds 600 exceeds the Express limit of 300 s",
            "Pause: Seconds 301 exceeds the Express limit of 300 s");
    }

    [Fact]
    public void Render_WhenDefinitionIsInvalid_ShouldThrowListingEveryError()
    {
        var definition = Of(new PassState("Start") { Next = "Missing" }, new PassState("Orphan"));

        var render = () => AslRenderer.Render(definition, WorkflowVariant.Standard, new ExampleArnResolver());

        render.Should().Throw<WorkflowValidationException>()
            .Where(exception => exception.Errors.Length == 2)
            .WithMessage("*invalid for the Standard state machine (2 errors)*Start: Next target 'Missing' does not exist*Orphan: has neither Next nor End*");
    }
}
