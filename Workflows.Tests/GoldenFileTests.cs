namespace Pipeline.Workflows.Tests;

/// <summary>
/// Snapshots of the pipeline's rendered ASL, one per variant, so every change to what deploys shows in review.
/// After an intended change, regenerate them with: UPDATE_GOLDEN=1 dotnet test Workflows.Tests
/// and commit the files under Workflows.Tests/Golden/.
/// </summary>
public class GoldenFileTests
{
    public static string GoldenPath(WorkflowVariant variant) =>
        Path.Combine(RepositoryRoot.Path, "Workflows.Tests", "Golden", $"{variant.ToString().ToLowerInvariant()}.asl.json");

    [Theory]
    [InlineData(WorkflowVariant.Standard)]
    [InlineData(WorkflowVariant.Express)]
    public void RenderedAsl_ShouldMatchGoldenFile(WorkflowVariant variant)
    {
        var rendered = AslRenderer.Render(PipelineWorkflow.Create(variant: variant), variant, new ExampleArnResolver("dev")) + "\n";
        var path = GoldenPath(variant);

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, rendered);

        File.Exists(path).Should().BeTrue($"the golden file {path} is committed (create it with UPDATE_GOLDEN=1)");
        rendered.Should().Be(File.ReadAllText(path), $"the rendered ASL must equal {path}; if the change is intended, run with UPDATE_GOLDEN=1 and commit it");
    }
}
