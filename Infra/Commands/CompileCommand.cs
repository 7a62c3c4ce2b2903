using System.CommandLine;
using Pipeline.Infra.Emit;
using Pipeline.Infra.Settings;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Commands;

/// <summary>
/// <c>compile</c>: what Pulumi.yaml runs. With <c>PULUMI_STACK</c> (and <c>PULUMI_CONFIG</c>) set it prints that
/// stack's program; with neither (plugin discovery) it prints the dev program from defaults, which uses the
/// same resource types and provider version. Stdout holds only the program; diagnostics go to stderr.
/// </summary>
public static class CompileCommand
{
    public const string StackVariable = "PULUMI_STACK";

    public static Command Create()
    {
        var command = new Command("compile", "Print the Pulumi YAML program for the stack in PULUMI_STACK (run by Pulumi)");
        command.SetAction(parseResult => Run(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs with the process environment, from the current directory (the project root under Pulumi).</summary>
    public static int Run(TextWriter? output = null, TextWriter? error = null) => Run(
        Environment.GetEnvironmentVariable(StackVariable),
        Environment.GetEnvironmentVariable(EnvironmentConfigSource.Variable),
        Directory.GetCurrentDirectory(),
        output ?? Console.Out,
        error ?? Console.Error);

    public static int Run(string? stack, string? configJson, string projectRoot, TextWriter output, TextWriter error)
    {
        try
        {
            var model = string.IsNullOrEmpty(stack)
                ? PipelineStackBuilder.Build(StackDefaults.For(StackDefaults.Dev))
                : new StackSynthesizer(configJson is null ? new StackFileConfigSource(projectRoot) : new EnvironmentConfigSource(configJson))
                    .Synthesize(stack, requireSecrets: configJson is not null);
            output.Write(PulumiJsonWriter.Write(ProgramBuilder.Build(model)));
            return 0;
        }
        catch (ConfigException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }
}
