namespace Pipeline.Workflows.Tests.Jsonata;

public sealed class JsonataSyntaxTests
{
    [Theory]
    [InlineData("\"unterminated", "S0101")]
    [InlineData("1e999", "S0102")]
    [InlineData("\"\\q\"", "S0103")]
    [InlineData("\"\\u12\"", "S0104")]
    [InlineData("`name", "S0105")]
    [InlineData("/* no end", "S0106")]
    [InlineData("[1:2]", "S0202")]
    [InlineData("(1", "S0203")]
    [InlineData("[1!2]", "S0204")]
    [InlineData("1 +", "S0207")]
    [InlineData("function(a){1}", "S0208")]
    [InlineData("[1,2,3]{\"num\": $}[true]", "S0209")]
    [InlineData("x{\"a\": 1}{\"b\": 2}", "S0210")]
    [InlineData(")", "S0211")]
    [InlineData("a := 1", "S0212")]
    [InlineData("Account.1", "S0213")]
    [InlineData("Account@a", "S0214")]
    [InlineData("Order[0]@$o", "S0215")]
    [InlineData("Order^(Price)@$o", "S0216")]
    [InlineData("%.Price", "S0217")]
    [InlineData("$match(\"a\", //)", "S0301")]
    [InlineData("$match(\"a\", /a)", "S0302")]
    [InlineData("function($x)<q:n>{$x}", "S0401")]
    public void Parse_ShouldRejectMalformedTextWithTheReferenceCode(string text, string code)
    {
        var parse = () => JsonataExpression.Parse(text);

        parse.Should().Throw<JsonataException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Parse_ShouldReportTheTokenAndPositionOfAnUnexpectedToken()
    {
        var parse = () => JsonataExpression.Parse("[1 2]");

        var error = parse.Should().Throw<JsonataException>().Which;
        error.Code.Should().Be("S0202");
        error.Token.Should().Be("2");
        error.Position.Should().Be(4);
    }

    [Fact]
    public void Parse_ShouldRefuseTheOperatorsThatArrivedAfterTwoPointZeroPointSix()
    {
        var coalesce = () => JsonataExpression.Parse("a ?? 1");

        coalesce.Should().Throw<JsonataException>();
    }
}
