using System.CommandLine;
using Pipeline.Infra.Settings;
using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Rendering;
using Pipeline.Workflows.Validation;

namespace Pipeline.Infra.Commands;

/// <summary><c>asl --variant standard|express [--stack dev|prod]</c>: prints the rendered ASL of the pipeline's workflow.</summary>
public static class AslCommand
{
    public static Command Create()
    {
        var variant = new Option<string>("--variant")
        {
            Description = "The state machine to render for: standard or express",
            Required = true,
        }.AcceptOnlyFromAmong("standard", "express");
        var stack = new Option<string>("--stack")
        {
            Description = "The stack whose example function and topic names to use",
            DefaultValueFactory = _ => "dev",
        }.AcceptOnlyFromAmong("dev", "prod");
        var maxConcurrency = new Option<int>("--max-concurrency")
        {
            Description = "How many chunks the Map processes at once",
            DefaultValueFactory = _ => new PipelineWorkflowOptions().MaxConcurrency,
        };
        var timeout = new Option<int?>("--execution-timeout")
        {
            Description = "The execution timeout in seconds",
            DefaultValueFactory = _ => new PipelineWorkflowOptions().ExecutionTimeoutSeconds,
        };

        var command = new Command("asl", "Print the ASL JSON of the pipeline's workflow with example ARNs (account 123456789012, us-east-1)")
        {
            variant, stack, maxConcurrency, timeout,
        };
        command.SetAction(parseResult =>
        {
            var options = new PipelineWorkflowOptions
            {
                MaxConcurrency = parseResult.GetValue(maxConcurrency),
                ExecutionTimeoutSeconds = parseResult.GetValue(timeout),
                ExpressMaxObjectBytes = StackDefaults.For(parseResult.GetValue(stack)!).ExpressMaxObjectBytes,
            };
            var kind = parseResult.GetValue(variant) == "express" ? WorkflowVariant.Express : WorkflowVariant.Standard;
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                output.WriteLine(AslRenderer.Render(PipelineWorkflow.Create(options, kind), kind, new ExampleArnResolver(parseResult.GetValue(stack)!)));
                return 0;
            }
            catch (WorkflowValidationException exception)
            {
                error.WriteLine(exception.Message);
                return 1;
            }
        });
        return command;
    }
}
