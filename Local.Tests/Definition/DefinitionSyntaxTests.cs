using System.Text.Json.Nodes;
using Pipeline.Workflows.Validation;

namespace Pipeline.Local.Tests.Definition;

/// <summary>
/// The engine refuses at load what the validator refuses, and can evaluate every path over the input the validator
/// accepts (context paths, <c>$$</c>, are evaluated over the context object: see ContextPathTests).
/// </summary>
public class DefinitionSyntaxTests
{
    /// <summary>A machine of one state "S" holding <paramref name="field"/>: a Task for the fields only a Task takes, else a Pass.</summary>
    private static string Pass(string field, JsonNode value)
    {
        var state = field == "ResultSelector"
            ? new JsonObject { ["Type"] = "Task", ["Resource"] = "arn:aws:lambda:us-east-1:123456789012:function:F", [field] = value, ["End"] = true }
            : new JsonObject { ["Type"] = "Pass", [field] = value, ["End"] = true };
        return new JsonObject { ["StartAt"] = "S", ["States"] = new JsonObject { ["S"] = state } }.ToJsonString();
    }

    [Theory]
    [InlineData("$.a(b")]
    [InlineData("$.a@b")]
    [InlineData("$.a{b}")]
    [InlineData("$.a?b")]
    [InlineData("$.a,b")]
    public void AMalformedPath_IsRefusedAtLoad_NamingTheStateAndTheField(string path)
    {
        var load = () => StateMachine.Parse(Pass("InputPath", path));

        load.Should().Throw<InvalidDefinitionException>().WithMessage($"State 'S': InputPath is invalid: '{path}' is not a valid JSONPath*");
        AslSyntax.Path(path).Should().NotBeNull("the validator refuses it too");
    }

    [Theory]
    [InlineData("Parameters", """{"x": {"y.$": "$.a(b"}}""", "Parameters.x.y.$")]
    [InlineData("ResultSelector", """{"y.$": "States.Format("}""", "ResultSelector.y.$")]
    [InlineData("Parameters", """{"y.$": "States.Format('{} and {}', $.name)"}""", "Parameters.y.$")]
    [InlineData("ResultPath", "\"$$.Execution\"", "ResultPath")]
    public void AMalformedFieldAnywhereInTheState_IsRefusedAtLoad(string field, string value, string named)
    {
        var load = () => StateMachine.Parse(Pass(field, JsonNode.Parse(value)!));

        load.Should().Throw<InvalidDefinitionException>().WithMessage($"State 'S': {named} is invalid*");
    }

    [Fact]
    public void AChoiceRuleWithAMalformedVariable_IsRefusedAtLoad()
    {
        var definition = """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"And": [{"Variable": "$.a(b", "IsPresent": true}], "Next": "C"}], "Default": "D"}, "D": {"Type": "Succeed"}}}
            """;

        var load = () => StateMachine.Parse(definition);

        load.Should().Throw<InvalidDefinitionException>().WithMessage("State 'C': Choices[0].And.Variable is invalid*");
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$.a")]
    [InlineData("$.a.b[0]")]
    [InlineData("$['a b']")]
    [InlineData("$.a[*]")]
    [InlineData("$..a")]
    [InlineData("$.a[1:3]")]
    [InlineData("$.a[0,2]")]
    public void EveryInputPathTheValidatorAccepts_TheEngineLoadsAndCanEvaluate(string path)
    {
        AslSyntax.Path(path).Should().BeNull();

        var load = () => StateMachine.Parse(Pass("OutputPath", path));
        var parse = () => JsonPath.Parse(path);

        load.Should().NotThrow();
        parse.Should().NotThrow("the engine's evaluator reads every path the validator accepts");
    }
}
