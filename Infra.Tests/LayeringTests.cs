namespace Pipeline.Infra.Tests;

/// <summary>
/// The folders of Infra depend on each other in one direction: the resource model at the bottom, the synthesis of the
/// stack on it, the policy rules that check what synthesis builds above both, and the commands on top.
/// </summary>
public class LayeringTests
{
    [Fact]
    public void TheFoldersOfInfra_DependOnEachOtherWithoutACycle()
    {
        FolderLayers.Cycles(FolderLayers.References("Infra")).Should().BeEmpty("each of these folders reaches itself through the others");
    }

    [Theory]
    [InlineData("Aws")]
    [InlineData("Model")]
    [InlineData("Iam")]
    [InlineData("Emit")]
    [InlineData("Settings")]
    [InlineData("Packaging")]
    public void TheResourceModel_DoesNotReachWhatBuildsOrChecksTheStack(string folder)
    {
        FolderLayers.References("Infra")[folder].Should().NotContain(["Synthesis", "Policy", "Commands"]);
    }

    [Fact]
    public void Synthesis_DoesNotReachThePolicyRulesThatCheckItsOutput()
    {
        FolderLayers.References("Infra")["Synthesis"].Should().NotContain(["Policy", "Commands"]);
    }
}
