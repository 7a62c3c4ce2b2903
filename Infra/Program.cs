using System.CommandLine;
using Pipeline.Infra.Commands;

namespace Pipeline.Infra;

public static class Program
{
    public static int Main(string[] args) =>
        // Pulumi runs `compile` two or three times per deployment: skip building the whole command line for it.
        args is ["compile"] ? CompileCommand.Run() : CreateRootCommand().Parse(args).Invoke();

    /// <summary>The command line; each command lives in its own file under Commands/.</summary>
    public static RootCommand CreateRootCommand() => new("Pipeline infrastructure")
    {
        CompileCommand.Create(),
        SynthCommand.Create(),
        DiffCommand.Create(),
        DiagramCommand.Create(),
        AslCommand.Create(),
        PolicyCommand.Create(),
        PackageCommand.Create(),
    };
}
