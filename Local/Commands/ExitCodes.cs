namespace Pipeline.Local.Commands;

/// <summary>The exit codes of the local runner's commands, as the README lists them.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked; for <c>run</c> and <c>exec</c>, the execution succeeded.</summary>
    public const int Succeeded = 0;

    /// <summary>The execution ran and failed (its error and cause are on stderr).</summary>
    public const int ExecutionFailed = 1;

    /// <summary>Nothing ran: a usage error, a missing file, or the local servers could not start.</summary>
    public const int CouldNotRun = 2;

    /// <summary>Ctrl-C stopped the command (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
