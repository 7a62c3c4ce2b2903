using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Paths;

public class IntrinsicFunctionTests
{
    private const string Input = """
        {"name": "Ann", "age": 30, "xs": [1, 2, 3, 4, 5], "ys": [1, 2, 2, {"a": 1}, {"a": 1}, "2"],
         "s": "{\"a\":[1,2]}", "o": {"a": 1, "b": "x"}, "n": 10,
         "left": {"x": 1, "nested": {"p": 1}}, "right": {"y": 2, "nested": {"q": 2}}, "data": "input data"}
        """;

    [Theory]
    [InlineData("States.Format('Hello, {}! You are {}.', $.name, $.age)", "\"Hello, Ann! You are 30.\"")]
    [InlineData(@"States.Format('braces \{\} stay, {} fills', $.name)", "\"braces {} stay, Ann fills\"")]
    [InlineData(@"States.Format('it\'s {}', $.o)", "\"it's {a=1, b=x}\"")]
    [InlineData("States.StringToJson($.s)", """{"a":[1,2]}""")]
    [InlineData("States.JsonToString($.o)", "\"{\\\"a\\\":1,\\\"b\\\":\\\"x\\\"}\"")]
    [InlineData("States.Array($.name, 'x', 3, true, null)", """["Ann","x",3,true,null]""")]
    [InlineData("States.Array()", "[]")]
    [InlineData("States.ArrayPartition($.xs, 2)", "[[1,2],[3,4],[5]]")]
    [InlineData("States.ArrayContains($.xs, 3)", "true")]
    [InlineData("States.ArrayContains($.ys, $.o)", "false")]
    [InlineData("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [InlineData("States.ArrayRange(5, 1, -2)", "[5,3,1]")]
    [InlineData("States.ArrayGetItem($.xs, 1)", "2")]
    [InlineData("States.ArrayLength($.xs)", "5")]
    [InlineData("States.ArrayUnique($.ys)", """[1,2,{"a":1},"2"]""")]
    [InlineData("States.Base64Encode('Data to encode')", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [InlineData("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "\"Data to encode\"")]
    [InlineData("States.Hash($.data, 'SHA-1')", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [InlineData("States.Hash($.data, 'SHA-256')", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"")]
    [InlineData("States.Hash($.data, 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\"")]
    [InlineData("States.JsonMerge($.left, $.right, false)", """{"x":1,"nested":{"q":2},"y":2}""")]
    [InlineData("States.MathAdd($.n, -3)", "7")]
    [InlineData("States.StringSplit('a,b;;c', ',;')", """["a","b","c"]""")]
    [InlineData("States.Format('{} items', States.ArrayLength($.xs))", "\"5 items\"")]
    [InlineData("States.ArrayGetItem(States.StringSplit('arn:aws:s3:::bucket/key', ':'), 2)", "\"s3\"")]
    [InlineData("States.Format('{} in {}', $$.State.Name, $$.Execution.Name)", "\"S in test-execution\"")]
    public async Task Intrinsic_WhenEvaluated_ShouldReturnDocumentedResult(string expression, string expected)
    {
        var result = await Asl.RunAsync(Asl.Expression(expression), Input);

        result.ShouldSucceed();
        result.Output.ShouldBeJson(expected);
    }

    [Theory]
    [InlineData("States.ArrayGetItem($.xs, 10)")]
    [InlineData("States.MathAdd($.name, 1)")]
    [InlineData("States.JsonMerge($.left, $.right, true)")]
    [InlineData("States.StringToJson($.name)")]
    [InlineData("States.ArrayRange(1, 5000, 1)")]
    [InlineData("States.Hash($.data, 'CRC32')")]
    public async Task Intrinsic_WhenArgumentsAreInvalid_ShouldFailWithIntrinsicFailure(string expression)
    {
        var result = await Asl.RunAsync(Asl.Expression(expression), Input);

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.IntrinsicFailure);
        result.Cause.Should().StartWith(ErrorAttribution.Cause("S", 2, expression[..expression.IndexOf('(', StringComparison.Ordinal)]));
    }

    /// <summary>
    /// Step Functions' recorded answers where they differ from the specification's wording, from the executions AWS ran
    /// for LocalStack's intrinsic-function snapshots (tests/aws/services/stepfunctions/v2/intrinsic_functions:
    /// test_math_add, test_string_to_json, test_format_2 and test_context_json_path).
    /// </summary>
    [Theory]
    [InlineData("States.MathAdd(-9, 3)", "-6")]
    [InlineData("States.MathAdd(1.49, 1.50)", "3")]
    [InlineData("States.MathAdd(1.50, 1.51)", "4")]
    [InlineData("States.MathAdd(-1.49, -1.50)", "-2")]
    [InlineData("States.MathAdd(-1.50, -1.51)", "-3")]
    [InlineData("States.StringToJson('')", "null")]
    [InlineData("States.StringToJson(' ')", "null")]
    [InlineData("States.StringToJson('-0')", "0")]
    [InlineData("States.Format('Formatting arguments fst={} and snd={}.', $.args, $.args)", "\"Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.\"")]
    [InlineData("States.Format('snd={}.', $$.StateMachine)", "\"snd={Id=arn:aws:states:us-east-1:123456789012:stateMachine:Test, Name=Test}.\"")]
    public async Task Intrinsic_AsAwsRecordedIt(string expression, string expected)
    {
        var result = await Asl.RunAsync(Asl.Expression(expression), """{"args": {"Arg1": 1, "Arg2": []}}""");

        result.ShouldSucceed();
        result.Output.ShouldBeJson(expected);
    }

    [Fact]
    public async Task MathRandom_WhenSeeded_ShouldBeRepeatableAndWithinRange()
    {
        var definition = Asl.Expression("States.Array(States.MathRandom(1, 1000, 7), States.MathRandom(1, 1000, 7), States.MathRandom(1, 3))");

        var first = (JsonArray)(await Asl.RunAsync(definition)).Output!;
        var second = (JsonArray)(await Asl.RunAsync(definition, options: Asl.Options(seed: 99))).Output!;

        first[0]!.GetValue<long>().Should().BeInRange(1, 999);
        first[1]!.GetValue<long>().Should().Be(first[0]!.GetValue<long>());
        second[0]!.GetValue<long>().Should().Be(first[0]!.GetValue<long>());
        first[2]!.GetValue<long>().Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task Uuid_WhenCalledTwice_ShouldReturnDistinctVersion4UuidsReproducibleFromTheSeed()
    {
        var definition = Asl.Expression("States.Array(States.UUID(), States.UUID())");

        var first = (JsonArray)(await Asl.RunAsync(definition)).Output!;
        var again = (JsonArray)(await Asl.RunAsync(definition)).Output!;
        var otherSeed = (JsonArray)(await Asl.RunAsync(definition, options: Asl.Options(seed: 7))).Output!;

        var uuids = first.Select(u => u!.GetValue<string>()).ToList();
        uuids.Should().OnlyContain(u => System.Text.RegularExpressions.Regex.IsMatch(u, "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        uuids[0].Should().NotBe(uuids[1]);
        JsonNode.DeepEquals(first, again).Should().BeTrue();
        JsonNode.DeepEquals(first, otherSeed).Should().BeFalse();
    }

    [Fact]
    public async Task IntrinsicFailure_WhenCatchAllIsDeclared_ShouldBeCaught()
    {
        var definition = """
            {"StartAt": "T", "States": {
              "T": {"Type": "Parallel", "Branches": [{"StartAt": "P", "States": {
                      "P": {"Type": "Pass", "Parameters": {"v.$": "States.ArrayGetItem($.xs, 9)"}, "End": true}}}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done"}], "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"xs": [1]}""");

        result.ShouldSucceed();
        result.Output!["error"]!["Error"]!.GetValue<string>().Should().Be(ErrorNames.IntrinsicFailure);
    }
}
