using System.CommandLine;
using Pipeline.Infra.Emit;
using Pipeline.Infra.Settings;

namespace Pipeline.Infra.Commands;

/// <summary><c>synth --stack dev|prod [--format json|yaml]</c>: the program as the compiler prints it, from the stack file.</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var stack = new Option<string>("--stack") { Description = "The stack to synthesize", Required = true }
            .AcceptOnlyFromAmong([.. StackDefaults.KnownStacks]);
        var format = new Option<string>("--format") { Description = "json (what the compiler prints) or yaml", DefaultValueFactory = _ => "json" }
            .AcceptOnlyFromAmong("json", "yaml");
        var command = new Command("synth", "Print a stack's Pulumi program, reading Pulumi.<stack>.yaml") { stack, format };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var root = StackSynthesizer.FindProjectRoot(Directory.GetCurrentDirectory());
                var program = ProgramBuilder.Build(
                    new StackSynthesizer(new StackFileConfigSource(root)).Synthesize(parseResult.GetValue(stack)!, requireSecrets: false));
                output.Write(parseResult.GetValue(format) == "yaml" ? PulumiYamlWriter.Write(program) : PulumiJsonWriter.Write(program));
                return 0;
            }
            catch (ConfigException exception)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
