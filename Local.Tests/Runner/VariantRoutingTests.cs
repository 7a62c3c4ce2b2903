using Pipeline.Workflows;

namespace Pipeline.Local.Tests.Runner;

public sealed class VariantRoutingTests
{
    [Theory]
    [InlineData(0, WorkflowVariant.Express)]
    [InlineData(VariantRouting.DefaultExpressMaxObjectBytes - 1, WorkflowVariant.Express)]
    [InlineData(VariantRouting.DefaultExpressMaxObjectBytes, WorkflowVariant.Standard)]
    [InlineData(100 * VariantRouting.DefaultExpressMaxObjectBytes, WorkflowVariant.Standard)]
    public void For_WhenGivenAnObjectSize_ShouldRouteSmallerObjectsToExpressAsTheRulesDo(long size, WorkflowVariant expected) =>
        VariantRouting.For(size).Should().Be(expected);
}
