using System.CommandLine;
using Pipeline.Infra.Emit;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Commands;

/// <summary><c>diagram</c>: a Mermaid flowchart of the pipeline's workflow.</summary>
public static class DiagramCommand
{
    public static Command Create()
    {
        var command = new Command("diagram", "Print a Mermaid flowchart of the pipeline's workflow");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Output.Write(WorkflowDiagram.Render(PipelineWorkflow.Create()));
            return 0;
        });
        return command;
    }
}
