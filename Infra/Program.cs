using System.CommandLine;

namespace Pipeline.Infra;

public static class Program
{
    public static int Main(string[] args) => CreateRootCommand().Parse(args).Invoke();

    /// <summary>The command line; each command lives in its own file under Commands/.</summary>
    public static RootCommand CreateRootCommand() => new("Pipeline infrastructure")
    {
        CompileCommand.Create(),
        SynthCommand.Create(),
        DiffCommand.Create(),
        DiagramCommand.Create(),
        AslCommand.Create(),
    };
}
