using System.CommandLine;
using Pipeline.Infra.Emit;
using Pipeline.Infra.Settings;

namespace Pipeline.Infra.Commands;

/// <summary><c>diff dev prod</c>: what differs between two stacks' programs, resource by resource (the promotion review).</summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from") { Description = "The stack promoted from, e.g. dev" }.AcceptOnlyFromAmong([.. StackDefaults.KnownStacks]);
        var to = new Argument<string>("to") { Description = "The stack promoted to, e.g. prod" }.AcceptOnlyFromAmong([.. StackDefaults.KnownStacks]);
        var command = new Command("diff", "Show what differs between two stacks' programs") { from, to };
        command.SetAction(parseResult =>
        {
            try
            {
                var synthesizer = new StackSynthesizer(new StackFileConfigSource(StackSynthesizer.FindProjectRoot(Directory.GetCurrentDirectory())));
                var before = parseResult.GetValue(from)!;
                var after = parseResult.GetValue(to)!;
                var beforeStack = synthesizer.Synthesize(before, requireSecrets: false);
                var afterStack = synthesizer.Synthesize(after, requireSecrets: false);
                var diff = ProgramDiff.Compare(
                    before, ProgramBuilder.Build(beforeStack),
                    after, ProgramBuilder.Build(afterStack),
                    beforeStack.Settings.NamePrefix,
                    afterStack.Settings.NamePrefix);
                parseResult.InvocationConfiguration.Output.Write(diff.Format());
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
