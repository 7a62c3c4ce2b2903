using System.CommandLine;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>redrive &lt;execution&gt; [--json]</c>: redrives a failed execution kept in <c>.local/failed/</c> against the servers
/// of <c>serve</c>. A failed Standard execution continues from the state it failed in, running only the chunks that
/// failed; an Express or interrupted one runs its input again under the same name. Exit codes as for <c>run</c>.
/// </summary>
public static class RedriveCommand
{
    public static Command Create()
    {
        var execution = new Argument<string>("execution") { Description = "The name of the failed execution, as `run` printed it." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary object instead of progress lines." };
        var command = new Command("redrive", "Redrive a failed execution from where it failed, against the servers of `serve`.") { execution, json };
        command.SetAction((parseResult, cancellationToken) => RunCommand.RunAsync(
            null,
            parseResult.GetValue(execution),
            null,
            parseResult.GetValue(json),
            null,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }
}
