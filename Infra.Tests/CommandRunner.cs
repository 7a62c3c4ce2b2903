using System.CommandLine;

namespace Pipeline.Infra.Tests;

/// <summary>Runs the Infra command line in process, capturing what it writes.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.CreateRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
