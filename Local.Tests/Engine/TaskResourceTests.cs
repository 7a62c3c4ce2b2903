using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

public class TaskResourceTests
{
    [Fact]
    public async Task LambdaInvoke_ShouldReturnTheInvokeResponseWithThePayload()
    {
        var definition = Asl.Single(new()
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::lambda:invoke",
            ["Parameters"] = new JsonObject { ["FunctionName"] = "arn:aws:lambda:us-east-1:123456789012:function:Echo:live", ["Payload.$"] = "$" },
        });

        var result = await Asl.RunAsync(definition, """{"key": "incoming/a.json"}""", Asl.Echo());

        result.ShouldSucceed();
        result.Output!["Payload"].ShouldBeJson("""{"key": "incoming/a.json"}""");
        result.Output["StatusCode"]!.GetValue<int>().Should().Be(200);
        result.Output["ExecutedVersion"]!.GetValue<string>().Should().Be("$LATEST");
        var scheduled = result.Events(HistoryEventType.TaskScheduled).Single().Details;
        scheduled["resourceType"]!.GetValue<string>().Should().Be("lambda");
        scheduled["resource"]!.GetValue<string>().Should().Be("invoke");
        result.LambdaInvocations.Should().ContainSingle().Which.FunctionName.Should().Be("Echo");
    }

    [Fact]
    public async Task PlainFunctionArn_ShouldReturnTheHandlerOutputAndRecordLambdaFunctionEvents()
    {
        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Task", ["Resource"] = Asl.EchoArn }), """{"n": 1}""", Asl.Echo());

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"n": 1}""");
        result.History.Select(e => e.Type).Should().Equal(
            HistoryEventType.ExecutionStarted,
            HistoryEventType.TaskStateEntered,
            HistoryEventType.LambdaFunctionScheduled,
            HistoryEventType.LambdaFunctionStarted,
            HistoryEventType.LambdaFunctionSucceeded,
            HistoryEventType.TaskStateExited,
            HistoryEventType.ExecutionSucceeded);
    }

    [Fact]
    public async Task HandlerException_ShouldSurfaceAsItsClassNameWithLambdasErrorJsonAsCause()
    {
        var registry = new TaskRegistry().RegisterFunction("Load", (JsonNode? _, CancellationToken _) => throw new InvalidInput("not a JSON array"));
        var definition = Asl.Single(new()
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::lambda:invoke",
            ["Parameters"] = new JsonObject { ["FunctionName"] = "Load", ["Payload.$"] = "$" },
        });

        var result = await Asl.RunAsync(definition, "{}", registry);

        result.Error.Should().Be("InvalidInput");
        var cause = JsonNode.Parse(result.Cause!)!;
        cause["errorType"]!.GetValue<string>().Should().Be("InvalidInput");
        cause["errorMessage"]!.GetValue<string>().Should().Be("not a JSON array");
        result.Events(HistoryEventType.TaskFailed).Single().Details["error"]!.GetValue<string>().Should().Be("InvalidInput");
    }

    [Fact]
    public async Task SnsPublish_ShouldAppendToTheOutboxAndReturnAMessageId()
    {
        var registry = new TaskRegistry();
        var definition = Asl.Single(new()
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::sns:publish",
            ["Parameters"] = new JsonObject
            {
                ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:NotificationTopic",
                ["Subject"] = "Pipeline run",
                ["Message.$"] = "$.summary",
            },
            ["ResultPath"] = "$.published",
        });

        var result = await Asl.RunAsync(definition, """{"summary": {"stored": 3}}""", registry);

        result.ShouldSucceed();
        var message = registry.Outbox.Messages.Should().ContainSingle().Subject;
        message.TopicArn.Should().EndWith(":NotificationTopic");
        message.Subject.Should().Be("Pipeline run");
        JsonNode.Parse(message.Message).ShouldBeJson("""{"stored": 3}""");
        result.Output!["published"]!["MessageId"]!.GetValue<string>().Should().Be(message.MessageId);
        result.LambdaInvocations.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownResource_ShouldFailTheExecutionNamingTheStateAndResource()
    {
        var definition = """
            {"StartAt": "Put", "States": {
              "Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Parameters": {"TableName": "t"},
                      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
              "Handled": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition);

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("'Put'").And.Contain("arn:aws:states:::dynamodb:putItem");
    }

    [Fact]
    public async Task UnboundFunction_ShouldFailNamingTheFunctionAndTheHint()
    {
        var registry = new TaskRegistry("Bind it before running.");

        var result = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Task", ["Resource"] = "arn:aws:lambda:us-east-1:123456789012:function:Store" }), "{}", registry);

        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("'Store'").And.Contain("Bind it before running.");
    }

    [Theory]
    [InlineData("Store", "Store")]
    [InlineData("Store:prod", "Store")]
    [InlineData("123456789012:function:Store", "Store")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:Store:3", "Store")]
    public void FunctionNameFrom_ShouldAcceptEveryFormLambdaAccepts(string nameOrArn, string expected)
    {
        TaskResource.FunctionNameFrom(nameOrArn).Should().Be(expected);
    }
}
