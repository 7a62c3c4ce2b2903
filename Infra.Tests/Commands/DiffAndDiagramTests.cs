using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Tests.Commands;

public class DiffAndDiagramTests
{
    private static (int ExitCode, string Output, string Error) Invoke(params string[] args) => CommandRunner.Run(args);

    [Fact]
    public void DiffDevProd_ShouldListWhatPromotionChangesResourceByResource()
    {
        var diff = ProgramDiff.Compare(
            "dev", ProgramBuilder.Build(Stacks.Dev), "prod", ProgramBuilder.Build(Stacks.Prod), "pipeline-dev", "pipeline-prod");

        diff.Changes.Where(change => change.Section == "resources").Should().OnlyContain(change => change.Kind == ChangeKind.Changed);
        diff.Changes.Single(change => change.Name == LogicalNames.Table).Values.Should().Contain(
        [
            new ValueChange("properties.deletionProtectionEnabled", "false", "true"),
            new ValueChange("options.protect", "false", "true"),
        ]);
        diff.Changes.Should().NotContain(change => change.Name == LogicalNames.KeyAlias, "its name differs only by the stack prefix");
        diff.Changes.Single(change => change.Name == LogicalNames.ExpressMachine).Values
            .Should().Contain(change => change.Before == "\"MaxConcurrency\": 4," && change.After == "\"MaxConcurrency\": 16,")
            .And.Contain(change => change.Before == "\"NumericGreaterThanEquals\": 1048576," && change.After == "\"NumericGreaterThanEquals\": 5242880,");
    }

    [Fact]
    public void DiffCommand_ShouldPrintTheReview()
    {
        var (exitCode, output, _) = Invoke("diff", "dev", "prod");

        exitCode.Should().Be(0);
        output.Should().StartWith("Promotion review: dev -> prod\nresources: 0 added, 0 removed, ");
        output.Should().Contain("~ resources.recordsTable (aws:dynamodb:Table)\n    properties.deletionProtectionEnabled: false -> true");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public void SynthCommand_ShouldPrintTheProgramInTheAskedFormat(string format)
    {
        var (exitCode, output, _) = Invoke("synth", "--stack", "prod", "--format", format);

        exitCode.Should().Be(0);
        output.Should().Be(format == "json"
            ? Stacks.ProgramJson(Stacks.Prod)
            : PulumiYamlWriter.Write(ProgramBuilder.Build(Stacks.Prod)));
    }

    [Fact]
    public void SynthCommand_WhenTheStackIsUnknown_ShouldRefuseIt() =>
        Invoke("synth", "--stack", "staging").ExitCode.Should().NotBe(0);

    [Fact]
    public void Diagram_ShouldDrawEveryStateWithItsTransitions()
    {
        var diagram = WorkflowDiagram.Render(PipelineWorkflow.Create());

        diagram.Should().StartWith("flowchart TD\n    start((Start)) --> s_LoadBatch\n");
        foreach (var state in new[] { "LoadBatch", "Validate", "AnyValidRecords", "ProcessChunks", "Transform", "Store", "NoValidRecords", "QuarantineAndAccount", "AnyRecordsRefused", "NotifySuccess", "NotifyPartialSuccess", "NotifyFailure", "PipelineFailed" })
        {
            diagram.Should().Contain($"s_{state}");
        }

        diagram.Should().Contain("s_LoadBatch -.->|Catch[0].Next| s_NotifyFailure");
        diagram.Should().Contain("s_AnyValidRecords -->|Default| s_NoValidRecords");
        diagram.Should().Contain("subgraph s_ProcessChunks_ItemProcessor");
        diagram.Should().Contain("s_PipelineSucceeded --> finish((End))");
        Invoke("diagram").Output.Should().Be(diagram);
    }
}
