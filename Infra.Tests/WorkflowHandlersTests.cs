using Pipeline.Functions.Catalog;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Tests;

/// <summary>The workflow names its Lambda tasks by logical id; the Pulumi program and the local runner bind those ids through the handler catalog.</summary>
public sealed class WorkflowHandlersTests
{
    [Fact]
    public void EveryTaskOfTheWorkflowHasAHandlerInTheCatalog()
    {
        var used = PipelineWorkflow.Create(new PipelineWorkflowOptions()).GetResourceReferences().FunctionIds;

        used.Should().NotBeEmpty();
        used.Should().BeSubsetOf(HandlerCatalog.All.Select(function => function.Id));
    }

    [Fact]
    public void EveryHandlerInTheCatalogIsUsedByTheWorkflow()
    {
        var used = PipelineWorkflow.Create(new PipelineWorkflowOptions()).GetResourceReferences().FunctionIds;

        HandlerCatalog.All.Select(function => function.Id).Should().BeEquivalentTo(used);
    }
}
