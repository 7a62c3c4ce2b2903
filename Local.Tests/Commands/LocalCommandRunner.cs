using System.CommandLine;

namespace Pipeline.Local.Tests.Commands;

/// <summary>Runs the command line in process and captures what it prints.</summary>
internal static class LocalCommandRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await LocalCli.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
