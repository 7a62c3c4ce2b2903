using System.Diagnostics;

namespace Pipeline.Infra.Tests;

/// <summary>
/// Runs the built compiler (<c>dotnet Infra.dll compile</c>) as Pulumi runs the published one (<c>Infra/bin/compiler/Infra compile</c>):
/// from the project root, no shell.
/// </summary>
public static class CompilerProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Compile(IReadOnlyDictionary<string, string> pulumiVariables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Infra.dll"));
        start.ArgumentList.Add("compile");
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in pulumiVariables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The compiler did not finish within 60 s.");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
