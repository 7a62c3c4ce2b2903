namespace Pipeline.Workflows.Tests;

/// <summary>
/// The folders of Workflows: the expression layer (Paths, Jsonata) at the bottom; the state machine model, whose types
/// name each other as a state names its next state (Model, Builder, Conditions, Payloads, Resources); its renderer and
/// validator on the model; and the pipeline's own workflow on top, known to nothing below it.
/// </summary>
public class LayeringTests
{
    private static readonly string[] TheModel = ["Builder", "Conditions", "Model", "Payloads", "Resources"];

    [Fact]
    public void TheOnlyCyclesAreWithinTheModel()
    {
        FolderLayers.Cycles(FolderLayers.References("Workflows"))
            .Where(cycle => cycle.Split(" -> ").Any(folder => !TheModel.Contains(folder)))
            .Should().BeEmpty("only the model's types name each other both ways");
    }

    [Fact]
    public void ThePipelinesWorkflow_IsKnownToNothingBelowIt()
    {
        FolderLayers.References("Workflows")
            .Where(folder => folder.Value.Contains("DataPipeline"))
            .Select(folder => folder.Key)
            .Should().BeEmpty();
    }

    [Fact]
    public void TheExpressionLayer_StandsOnItsOwn()
    {
        var references = FolderLayers.References("Workflows");

        references["Paths"].Should().BeEmpty();
        references["Jsonata"].Should().BeEquivalentTo(["Paths"]);
    }
}
