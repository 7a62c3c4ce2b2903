using System.Diagnostics;

namespace Pipeline.Infra.Tests.Support;

/// <summary>Runs <c>tsc --noEmit</c> (strict) over TypeScript files against the pulumi-aws types installed in tools/.</summary>
public static class TypeScriptCheck
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(IReadOnlyDictionary<string, string> files)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-tsc-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "node_modules"), RepoPath.Of("tools", "node_modules"));
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }

            // skipLibCheck: the provider's own declaration files are not what is under test (they also pass without it, at 3x the time).
            File.WriteAllText(Path.Combine(folder, "tsconfig.json"), $$"""
                {
                  "compilerOptions": {
                    "strict": true, "noEmit": true, "skipLibCheck": true, "target": "ES2022",
                    "module": "commonjs", "moduleResolution": "node", "types": []
                  },
                  "files": [{{string.Join(", ", files.Keys.Select(name => $"\"{name}\""))}}]
                }
                """);

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(RepoPath.Of("tools", "node_modules", "typescript", "bin", "tsc"));
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add(folder);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("tsc did not finish within 3 minutes.");
            }

            return new Result(process.ExitCode, output.Result + error.Result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
