using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Definition;

public class ContextUseTests
{
    [Theory]
    [InlineData("""{"Type": "Pass", "Parameters": {"a.$": "$.a"}}""", ContextUse.None)]
    [InlineData("""{"Type": "Pass", "Parameters": {"n.$": "$$.Execution.Name", "i.$": "$$.Map.Item.Value"}}""", ContextUse.WithoutExecutionInput)]
    [InlineData("""{"Type": "Pass", "Parameters": {"s.$": "States.Format('{}', $$.State.Name)"}}""", ContextUse.WithoutExecutionInput)]
    [InlineData("""{"Type": "Pass", "Parameters": {"in.$": "$$.Execution.Input.file"}}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Parameters": {"e.$": "$$.Execution"}}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Parameters": {"all.$": "$$"}}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Parameters": {"s.$": "States.JsonToString($$.Execution.Input)"}}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Parameters": {"w.$": "$$.Execution[*]"}}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Parameters": {"d.$": "$$..Input"}}""", ContextUse.Full)]
    public void AState_IsGivenAsMuchOfTheContextAsItsFieldsCanRead(string state, ContextUse expected)
    {
        var node = JsonNode.Parse(state)!.AsObject();
        node["End"] = true;

        StateMachine.Parse(new JsonObject { ["StartAt"] = "S", ["States"] = new JsonObject { ["S"] = node } }.ToJsonString())
            .Graph.States["S"].Context.Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"Type": "Pass", "Output": "{% $states.input.a %}"}""", ContextUse.None)]
    [InlineData("""{"Type": "Pass", "Output": "{% $states.context.Execution.Name %}"}""", ContextUse.WithoutExecutionInput)]
    [InlineData("""{"Type": "Pass", "Output": "{% $states.context.Execution.Input.file %}"}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Output": "{% $states.context %}"}""", ContextUse.Full)]
    [InlineData("""{"Type": "Pass", "Output": "{% $states %}"}""", ContextUse.Full)]
    public void AJsonataState_IsGivenAsMuchOfTheContextAsItsExpressionsCanRead(string state, ContextUse expected)
    {
        var node = JsonNode.Parse(state)!.AsObject();
        node["End"] = true;

        StateMachine.Parse(new JsonObject { ["QueryLanguage"] = "JSONata", ["StartAt"] = "S", ["States"] = new JsonObject { ["S"] = node } }.ToJsonString())
            .Graph.States["S"].Context.Should().Be(expected);
    }

    [Fact]
    public async Task AStateThatReadsTheExecutionInput_StillSeesIt_AndOneThatDoesNot_StillSeesTheRest()
    {
        var definition = """
            {
              "StartAt": "Names",
              "States": {
                "Names": { "Type": "Pass", "Parameters": { "name.$": "$$.Execution.Name", "state.$": "$$.State.Name" }, "ResultPath": "$.names", "Next": "Input" },
                "Input": { "Type": "Pass", "Parameters": { "file.$": "$$.Execution.Input.file" }, "ResultPath": "$.input", "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"file": "a.csv"}""");

        result.Output.ShouldBeJson("""{"file": "a.csv", "names": {"name": "test-execution", "state": "Names"}, "input": {"file": "a.csv"}}""");
    }
}
