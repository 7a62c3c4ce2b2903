using System.Diagnostics;

namespace Pipeline.Workflows.Tests;

/// <summary>Runs the asl-validator CLI installed in tools/ over ASL files.</summary>
internal static class AslValidatorTool
{
    public static string ScriptPath { get; } =
        Path.Combine(RepositoryRoot.Path, "tools", "node_modules", "asl-validator", "dist", "bin", "asl-validator.js");

    public static (int ExitCode, string Output) Run(params string[] files)
    {
        if (!File.Exists(ScriptPath))
            throw new FileNotFoundException("asl-validator is not installed: run `npm ci --prefix tools`.", ScriptPath);

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ScriptPath);
        foreach (var file in files)
        {
            start.ArgumentList.Add("--json-path");
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>Writes <paramref name="json"/> to a fresh temporary file and returns its path.</summary>
    public static string WriteTemp(string json, string name)
    {
        var directory = Directory.CreateTempSubdirectory("asl-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }
}
