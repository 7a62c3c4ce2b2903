using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>Where JSONata 2.0.6, which AWS runs, answers differently from the later suite, we answer as 2.0.6 does.</summary>
public sealed class Version206Tests
{
    [Theory]
    [InlineData("""λ($arg1, $arg2)<n+n:o>{{"$arg1": $arg1, "$arg2": $arg2}}(1, 2, 3)""", """{"$arg1":1,"$arg2":1}""")]
    [InlineData("""λ($arg1, $arg2, $arg3)<n+s:a<n>>{[$arg1, $arg2, $arg3]}(1, 2, "a")""", """[1,1,"a"]""")]
    [InlineData("""$string(5890840712243076)""", "\"5890840712243080\"")]
    [InlineData("""$toMillis('2024-01-01T12:38:49Z') = $toMillis('20240101123849', '[Y0000][M00][D00][H00][m00][s00]')""", "false")]
    [InlineData("""$toMillis('2026-04-08T19:05:04.01987', '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f1]') ~> $fromMillis()""", "\"2026-04-08T19:05:05.987Z\"")]
    public void Evaluate_ShouldAnswerAsVersion206Does(string expression, string expected)
    {
        var result = JsonataExpression.Parse(expression).Evaluate(JsonataResult.Undefined);

        result.Value!.ToJsonString().Should().Be(JsonNode.Parse(expected)!.ToJsonString());
    }
}
