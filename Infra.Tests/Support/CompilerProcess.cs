using System.Diagnostics;

namespace Pipeline.Infra.Tests.Support;

/// <summary>
/// Runs the compiler as Pulumi runs it: <c>sh Infra/compile.sh</c> from the project root, which publishes the Native
/// AOT executable when a source changed and then runs it. The first use publishes (a minute or two) and must succeed;
/// each run after it finds the executable current, so what it prints is the compiler's alone.
/// </summary>
public static class CompilerProcess
{
    private static readonly Lazy<Result> Publish = new(() => Run(new Dictionary<string, string> { ["PULUMI_STACK"] = "dev" }, TimeSpan.FromMinutes(10)));

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Compile(IReadOnlyDictionary<string, string> pulumiVariables)
    {
        var published = Publish.Value;
        if (published.ExitCode != 0)
        {
            throw new InvalidOperationException($"Infra/compile.sh could not publish the compiler (exit {published.ExitCode}):\n{published.Error}");
        }

        return Run(pulumiVariables, TimeSpan.FromSeconds(60));
    }

    private static Result Run(IReadOnlyDictionary<string, string> pulumiVariables, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("sh")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("Infra", "compile.sh"));
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
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Infra/compile.sh did not finish within {timeout.TotalSeconds:N0} s.");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
