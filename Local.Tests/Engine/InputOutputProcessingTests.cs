using ErrorNames = Pipeline.Workflows.Model.ErrorNames;

namespace Pipeline.Local.Tests.Engine;

public class InputOutputProcessingTests
{
    [Fact]
    public async Task Task_ShouldApplyInputPathParametersResultSelectorResultPathAndOutputPathInOrder()
    {
        var definition = """
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "InputPath": "$.detail",
                       "Parameters": {"FunctionName": "Echo",
                                      "Payload": {"bucket.$": "$.bucket.name", "keys.$": "$.objects[*].key", "fixed": [1, {"n.$": "$.bucket.name"}],
                                                  "execution.$": "$$.Execution.Name", "state.$": "$$.State.Name"}},
                       "ResultSelector": {"echoed.$": "$.Payload", "status.$": "$.StatusCode"},
                       "ResultPath": "$.detail.result",
                       "OutputPath": "$.detail",
                       "End": true}}}
            """;
        var input = """{"source": "aws.s3", "detail": {"bucket": {"name": "ingest"}, "objects": [{"key": "a"}, {"key": "b"}]}}""";

        var result = await Asl.RunAsync(definition, input, Asl.Echo());

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""
            {"bucket": {"name": "ingest"}, "objects": [{"key": "a"}, {"key": "b"}],
             "result": {"echoed": {"bucket": "ingest", "keys": ["a", "b"], "fixed": [1, {"n": "ingest"}], "execution": "test-execution", "state": "Call"},
                        "status": 200}}
            """);
    }

    [Fact]
    public async Task Pass_WhenResultPathIsNull_ShouldDiscardTheResult()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass", ["Result"] = "ignored", ["ResultPath"] = null }), """{"a": 1}""");

        result.Output.ShouldBeJson("""{"a": 1}""");
    }

    [Fact]
    public async Task Pass_WhenInputPathIsNull_ShouldSeeAnEmptyObject()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass", ["InputPath"] = null, ["ResultPath"] = "$.seen" }), """{"a": 1}""");

        result.Output.ShouldBeJson("""{"a": 1, "seen": {}}""");
    }

    [Fact]
    public async Task Pass_WhenOutputPathIsNull_ShouldOutputAnEmptyObject()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass", ["OutputPath"] = null }), """{"a": 1}""");

        result.Output.ShouldBeJson("{}");
    }

    [Fact]
    public async Task Pass_ResultPath_ShouldCreateNestedFieldsInTheRawInput()
    {
        var result = await Asl.RunAsync(
            Asl.Single(new() { ["Type"] = "Pass", ["InputPath"] = "$.a", ["Result"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 1 }, ["ResultPath"] = "$.out.deep" }),
            """{"a": {"b": 2}}""");

        result.Output.ShouldBeJson("""{"a": {"b": 2}, "out": {"deep": {"x": 1}}}""");
    }

    [Fact]
    public async Task Parameters_WhenAPathIsMissing_ShouldFailWithRuntimeErrorNamingTheField()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass", ["Parameters"] = new System.Text.Json.Nodes.JsonObject { ["k.$"] = "$.nope" } }), "{}");

        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("'$.nope'").And.Contain("'k.$'");
    }

    [Fact]
    public async Task ContextObject_ShouldExposeExecutionAndStateFields()
    {
        var definition = Asl.Single(new()
        {
            ["Type"] = "Pass",
            ["Parameters"] = new System.Text.Json.Nodes.JsonObject
            {
                ["id.$"] = "$$.Execution.Id",
                ["input.$"] = "$$.Execution.Input",
                ["started.$"] = "$$.Execution.StartTime",
                ["entered.$"] = "$$.State.EnteredTime",
                ["machine.$"] = "$$.StateMachine.Name",
            },
        });

        var result = await Asl.RunAsync(definition, """{"k": 1}""");

        result.Output.ShouldBeJson("""
            {"id": "arn:aws:states:us-east-1:123456789012:execution:Test:test-execution", "input": {"k": 1},
             "started": "2024-01-01T00:00:00.000Z", "entered": "2024-01-01T00:00:00.000Z", "machine": "Test"}
            """);
    }

    [Fact]
    public async Task StateOutput_WhenLargerThan256KiB_ShouldFailWithDataLimitExceeded()
    {
        var big = new string('x', 300_000);
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass", ["Result"] = big }), "{}");

        result.Error.Should().Be(ErrorNames.DataLimitExceeded);
    }
}
