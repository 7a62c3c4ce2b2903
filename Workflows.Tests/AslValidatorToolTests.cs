using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Tests;

/// <summary>The independent asl-validator (tools/) agrees with what we render, and it does reject broken ASL.</summary>
public class AslValidatorToolTests
{
    [Fact]
    public void RenderedVariants_ShouldPassAslValidator()
    {
        var files = new[] { WorkflowVariant.Standard, WorkflowVariant.Express }
            .SelectMany(variant => new[] { "dev", "prod" }.Select(stack => AslValidatorTool.WriteTemp(
                AslRenderer.Render(PipelineWorkflow.Create(variant: variant), variant, new ExampleArnResolver(stack)), $"{variant}-{stack}.asl.json")))
            .ToArray();

        var (exitCode, output) = AslValidatorTool.Run(files);

        exitCode.Should().Be(0, output);
        output.Split('\n').Count(line => line.Contains("is valid", StringComparison.Ordinal)).Should().Be(4, output);
    }

    [Fact]
    public void GoldenFiles_ShouldPassAslValidator()
    {
        var goldenFiles = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "Workflows.Tests", "Golden"), "*.json");
        goldenFiles.Should().HaveCountGreaterThanOrEqualTo(2);

        var (exitCode, output) = AslValidatorTool.Run(goldenFiles);

        exitCode.Should().Be(0, output);
        output.Should().NotContain("invalid");
    }

    [Fact]
    public void BrokenDefinition_ShouldBeRejectedByAslValidator()
    {
        var asl = JsonNode.Parse(AslRenderer.Render(PipelineWorkflow.Create(), WorkflowVariant.Standard, new ExampleArnResolver()))!;
        asl["States"]!["QuarantineAndAccount"]!["Next"] = "NotifySucess";
        var file = AslValidatorTool.WriteTemp(asl.ToJsonString(), "broken.asl.json");

        var (exitCode, output) = AslValidatorTool.Run(file);

        exitCode.Should().Be(1, output);
        output.Should().Contain("MISSING_TRANSITION_TARGET").And.Contain("NotifySucess");
    }

    [Fact]
    public void MalformedIntrinsicFunction_ShouldBeRejectedByAslValidator()
    {
        var asl = JsonNode.Parse(AslRenderer.Render(PipelineWorkflow.Create(), WorkflowVariant.Standard, new ExampleArnResolver()))!;
        asl["States"]!["NotifyFailure"]!["Parameters"]!["Message.$"] = "States.Format('run {} failed', $$.Execution.Name";
        var file = AslValidatorTool.WriteTemp(asl.ToJsonString(), "broken-intrinsic.asl.json");

        var (exitCode, output) = AslValidatorTool.Run(file);

        exitCode.Should().Be(1, output);
        output.Should().Contain("Message.$");
    }
}
