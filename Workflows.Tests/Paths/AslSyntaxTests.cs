namespace Pipeline.Workflows.Tests.Paths;

/// <summary>What the validator and the engine's loader accept, through the one parser.</summary>
public class AslSyntaxTests
{
    [Theory]
    [InlineData("$total")]
    [InlineData("$order.items[0]")]
    [InlineData("States.Format('{} items', $count)")]
    [InlineData("States.Format($.template, $$.Map.Item.Value)")]
    [InlineData("$.items[?(@.price > 1 && @.price < 9 || @.free == true)]")]
    [InlineData("$.items[?(@.name =~ /^a.*/i)]")]
    public void VariablesAndJaywayFilters_AreValidExpressions(string expression)
    {
        AslSyntax.Expression(expression).Should().BeNull();
    }

    [Fact]
    public void AVariableMayBeReadByItemsPathButNotWrittenByResultPath()
    {
        AslSyntax.ReferencePath("$order.items", allowContext: true).Should().BeNull();
        AslSyntax.ReferencePath("$order", allowContext: false).Should().Be("a variable cannot be used here");
    }
}
