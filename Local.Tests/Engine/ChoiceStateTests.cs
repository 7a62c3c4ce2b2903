using ErrorNames = Pipeline.Workflows.Model.ErrorNames;

namespace Pipeline.Local.Tests.Engine;

public class ChoiceStateTests
{
    private const string Input = """
        {"s": "log-2024.txt", "star": "a*b", "n": 3, "text3": "3", "flag": true, "nil": null, "other": 4,
         "t": "2024-01-01T01:00:00+01:00", "later": "2024-06-01T00:00:00Z", "notTime": "2024-01-01 00:00", "ref": "log-2024.txt"}
        """;

    [Theory]
    [InlineData("""{"Variable": "$.s", "StringEquals": "log-2024.txt"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringEquals": "LOG-2024.TXT"}""", false)]
    [InlineData("""{"Variable": "$.s", "StringLessThan": "log-2025"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringGreaterThan": "log-2025"}""", false)]
    [InlineData("""{"Variable": "$.s", "StringLessThanEquals": "log-2024.txt"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringGreaterThanEquals": "log-2024.txt"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringEqualsPath": "$.ref"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringMatches": "log-*.txt"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringMatches": "*.csv"}""", false)]
    [InlineData("""{"Variable": "$.star", "StringMatches": "a\\*b"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringMatches": "a\\*b"}""", false)]
    [InlineData("""{"Variable": "$.n", "NumericEquals": 3.0}""", true)]
    [InlineData("""{"Variable": "$.text3", "NumericEquals": 3}""", false)]
    [InlineData("""{"Variable": "$.n", "NumericLessThan": 4}""", true)]
    [InlineData("""{"Variable": "$.n", "NumericGreaterThan": 3}""", false)]
    [InlineData("""{"Variable": "$.n", "NumericLessThanEquals": 3}""", true)]
    [InlineData("""{"Variable": "$.n", "NumericGreaterThanEquals": 3.5}""", false)]
    [InlineData("""{"Variable": "$.n", "NumericLessThanPath": "$.other"}""", true)]
    [InlineData("""{"Variable": "$.flag", "BooleanEquals": true}""", true)]
    [InlineData("""{"Variable": "$.n", "BooleanEquals": true}""", false)]
    [InlineData("""{"Variable": "$.flag", "BooleanEqualsPath": "$.flag"}""", true)]
    [InlineData("""{"Variable": "$.t", "TimestampEquals": "2024-01-01T00:00:00Z"}""", true)]
    [InlineData("""{"Variable": "$.t", "TimestampLessThanPath": "$.later"}""", true)]
    [InlineData("""{"Variable": "$.later", "TimestampGreaterThan": "2024-05-31T23:59:59Z"}""", true)]
    [InlineData("""{"Variable": "$.notTime", "TimestampLessThan": "2030-01-01T00:00:00Z"}""", false)]
    [InlineData("""{"Variable": "$.nil", "IsNull": true}""", true)]
    [InlineData("""{"Variable": "$.n", "IsNull": true}""", false)]
    [InlineData("""{"Variable": "$.missing", "IsPresent": false}""", true)]
    [InlineData("""{"Variable": "$.nil", "IsPresent": true}""", true)]
    [InlineData("""{"Variable": "$.n", "IsNumeric": true}""", true)]
    [InlineData("""{"Variable": "$.text3", "IsNumeric": true}""", false)]
    [InlineData("""{"Variable": "$.s", "IsString": true}""", true)]
    [InlineData("""{"Variable": "$.flag", "IsBoolean": true}""", true)]
    [InlineData("""{"Variable": "$.t", "IsTimestamp": true}""", true)]
    [InlineData("""{"Variable": "$.notTime", "IsTimestamp": false}""", true)]
    [InlineData("""{"And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.flag", "BooleanEquals": true}]}""", true)]
    [InlineData("""{"And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.flag", "BooleanEquals": false}]}""", false)]
    [InlineData("""{"Or": [{"Variable": "$.n", "NumericGreaterThan": 10}, {"Variable": "$.s", "StringMatches": "log*"}]}""", true)]
    [InlineData("""{"Not": {"Variable": "$.n", "NumericEquals": 3}}""", false)]
    [InlineData("""{"Not": {"Or": [{"Variable": "$.missing", "IsPresent": true}, {"Variable": "$.nil", "IsNull": false}]}}""", true)]
    [InlineData("""{"Variable": "$$.Execution.Name", "StringEquals": "test-execution"}""", true)]
    public async Task Choice_WhenRuleIsEvaluated_ShouldFollowTheMatchingBranch(string rule, bool matches)
    {
        var definition = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [<<0>>, "Next": "Yes"}], "Default": "No"},
              "Yes": {"Type": "Pass", "Result": "yes", "End": true},
              "No": {"Type": "Pass", "Result": "no", "End": true}}}
            """.Replace("<<0>>", rule[..^1], StringComparison.Ordinal);

        var result = await Asl.RunAsync(definition, Input);

        result.ShouldSucceed();
        result.Output!.GetValue<string>().Should().Be(matches ? "yes" : "no");
    }

    [Fact]
    public async Task Choice_WhenNothingMatchesAndThereIsNoDefault_ShouldFailWithNoChoiceMatched()
    {
        var definition = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Done"}]},
              "Done": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"n": 2}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.NoChoiceMatched);
    }

    [Fact]
    public async Task Choice_WhenVariableIsMissing_ShouldFailWithRuntimeError()
    {
        var definition = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.absent", "NumericEquals": 1, "Next": "Done"}], "Default": "Done"},
              "Done": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"n": 2}""");

        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("$.absent");
    }

    [Fact]
    public async Task Choice_WhenOutputPathIsSet_ShouldApplyItToTheInput()
    {
        var definition = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "InputPath": "$.inner", "OutputPath": "$.keep",
                    "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Done"}]},
              "Done": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"inner": {"go": true, "keep": {"k": 1}}}""");

        result.Output.ShouldBeJson("""{"k": 1}""");
        result.Events(HistoryEventType.ChoiceStateExited).Should().ContainSingle();
    }
}
