using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests.Jsonata;

public sealed class JsonataExpressionTests
{
    private static JsonataResult Evaluate(string expression, string json) =>
        JsonataExpression.Parse(expression).Evaluate(JsonNode.Parse(json));

    [Fact]
    public void Path_ShouldMapOverArraysAndFlattenTheResults()
    {
        var result = Evaluate("orders.items.sku", """{"orders":[{"items":[{"sku":"a"},{"sku":"b"}]},{"items":[{"sku":"c"}]}]}""");

        result.Value!.ToJsonString().Should().Be("""["a","b","c"]""");
    }

    [Fact]
    public void Evaluate_ShouldTellUndefinedFromNull()
    {
        Evaluate("missing", """{"present":null}""").IsUndefined.Should().BeTrue();

        var present = Evaluate("present", """{"present":null}""");
        present.IsUndefined.Should().BeFalse();
        present.Value.Should().BeNull();
    }

    [Fact]
    public void Evaluate_ShouldWriteIntegralNumbersAsIntegers()
    {
        Evaluate("a * 2", """{"a":1.5}""").Value!.ToJsonString().Should().Be("3");
        Evaluate("a / 4", """{"a":1}""").Value!.ToJsonString().Should().Be("0.25");
    }

    [Fact]
    public void Evaluate_ShouldSeeBindingsAsVariables()
    {
        var bindings = new Dictionary<string, JsonNode?> { ["rate"] = JsonValue.Create(2) };

        var result = JsonataExpression.Parse("price * $rate").Evaluate(JsonNode.Parse("""{"price":21}"""), bindings);

        result.Value!.GetValue<long>().Should().Be(42);
    }

    [Fact]
    public void Evaluate_ShouldAcceptUndefinedInput()
    {
        var result = JsonataExpression.Parse("$exists($)").Evaluate(JsonataResult.Undefined);

        result.Value!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ShouldRaiseTheReferenceCodeForARuntimeError()
    {
        var evaluate = () => Evaluate("a + 1", """{"a":"text"}""");

        evaluate.Should().Throw<JsonataException>().Which.Code.Should().Be("T2001");
    }

    [Fact]
    public void WithFunction_ShouldCallTheHostFunctionOnceItsSignatureAccepts()
    {
        var expression = JsonataExpression.Parse("$twice(n)").WithFunction(
            "twice",
            arguments => JsonataResult.Of(JsonValue.Create(arguments[0].Value!.GetValue<double>() * 2)),
            "<n:n>");

        expression.Evaluate(JsonNode.Parse("""{"n":4}""")).Value!.GetValue<long>().Should().Be(8);
        var wrongType = () => expression.Evaluate(JsonNode.Parse("""{"n":"four"}"""));
        wrongType.Should().Throw<JsonataException>().Which.Code.Should().Be("T0410");
    }

    [Fact]
    public void WithoutFunction_ShouldLeaveTheNameUndefined()
    {
        var expression = JsonataExpression.Parse("$eval('1 + 1')").WithoutFunction("eval");

        var evaluate = () => expression.Evaluate(JsonNode.Parse("{}"));

        evaluate.Should().Throw<JsonataException>().Which.Code.Should().Be("T1006");
        JsonataExpression.Parse("$eval('1 + 1')").Evaluate(JsonNode.Parse("{}")).Value!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public void Evaluate_ShouldStopAtTheDepthLimit()
    {
        var expression = JsonataExpression.Parse("($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000))");

        var evaluate = () => expression.Evaluate(JsonNode.Parse("{}"), limits: new JsonataLimits(MaxDepth: 100));

        evaluate.Should().Throw<JsonataException>().Which.Code.Should().Be("U1001");
    }

    [Fact]
    public void Evaluate_ShouldRunTailCallsInConstantStack()
    {
        var expression = JsonataExpression.Parse("($count := function($n, $acc) { $n = 0 ? $acc : $count($n - 1, $acc + 1) }; $count(100000, 0))");

        expression.Evaluate(JsonNode.Parse("{}")).Value!.GetValue<long>().Should().Be(100000);
    }

    [Fact]
    public void Evaluate_ShouldStopAtTheTimeLimit()
    {
        var expression = JsonataExpression.Parse("($loop := function($n) { $loop($n + 1) }; $loop(0))");

        var evaluate = () => expression.Evaluate(JsonNode.Parse("{}"), limits: new JsonataLimits(TimeLimit: TimeSpan.FromMilliseconds(50)));

        evaluate.Should().Throw<JsonataException>().Which.Code.Should().Be("U1001");
    }
}
