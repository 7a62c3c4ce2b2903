using System.CommandLine;

namespace Pipeline.Local.Commands;

/// <summary>The command line of the local runner.</summary>
public static class LocalCli
{
    public static RootCommand Create() =>
        new("Runs Step Functions state machines locally, on a virtual clock.")
        {
            ExecCommand.Create(),
            RunCommand.Create(),
            RedriveCommand.Create(),
            ColdStartCommand.Create(),
            EngineBenchCommand.Create(),
            ServeCommand.Create(),
        };

    /// <summary>Parses with response files off: "@path" is how --input names a file, and must reach the command intact.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) =>
        Create().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
}
