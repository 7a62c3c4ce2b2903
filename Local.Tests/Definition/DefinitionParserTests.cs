namespace Pipeline.Local.Tests.Definition;

public class DefinitionParserTests
{
    [Theory]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}""", "'A'", "Nowhere")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Teleport", "End": true}}}""", "'A'", "Teleport")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}""", "'A'", "End")]
    [InlineData("""{"StartAt": "B", "States": {"A": {"Type": "Pass", "End": true}}}""", "'B'", "StartAt")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Wait", "End": true}}}""", "'A'", "Seconds")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "x", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}], "End": true}}}""", "'A'", "Z")]
    [InlineData("""{"QueryLanguage": "XPath", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""", "XPath", "JSONPath")]
    [InlineData("""{"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 1, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}""", "'M'", "distributed")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Assign": {"x": 1}}}}""", "'A'", "Assign")]
    [InlineData("""{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericIsAbout": 1, "Next": "C"}]}}}""", "'C'", "NumericIsAbout")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A"}], "End": true}}}""", "'A'", "\"Catch\" is not valid in a Pass state")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Next": "A"}}}""", "'A'", "\"Next\" is not valid in a Succeed state")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Fail", "InputPath": "$"}}}""", "'A'", "\"InputPath\" is not valid in a Fail state")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "x", "Resutl": {}, "End": true}}}""", "'A'", "\"Resutl\"")]
    public void Parse_WhenDefinitionIsInvalid_ShouldExplainAndNameTheState(string definition, string mentions, string alsoMentions)
    {
        var act = () => StateMachine.Parse(definition);

        act.Should().Throw<InvalidDefinitionException>().Which.Message.Should().Contain(mentions).And.Contain(alsoMentions);
    }

    [Fact]
    public void Parse_WhenIteratorAndParametersAreUsed_ShouldTreatThemAsItemProcessorAndItemSelector()
    {
        var machine = StateMachine.Parse("""
            {"StartAt": "M", "States": {"M": {"Type": "Map", "Parameters": {"v.$": "$$.Map.Item.Value"},
              "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """);

        var map = machine.Graph.States["M"].Should().BeOfType<MapState>().Subject;
        map.Processor.StartAt.Should().Be("P");
        map.ItemSelector!["v.$"]!.GetValue<string>().Should().Be("$$.Map.Item.Value");
    }
}
