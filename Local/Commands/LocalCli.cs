using System.CommandLine;

namespace Pipeline.Local.Commands;

/// <summary>The command line of the local runner.</summary>
public static class LocalCli
{
    public static RootCommand Create() =>
        new("Runs Step Functions state machines locally, on a virtual clock.")
        {
            ExecCommand.Create(),
        };
}
