using System.Diagnostics;

namespace Pipeline.Functions.Packaging;

/// <summary>
/// Where the functions' deployment package of an architecture lives and how it is made: <c>dotnet publish</c> of this
/// project as a Native AOT executable for the architecture's runtime identifier, then <see cref="FunctionArchive"/>.
/// Native AOT needs clang; for another architecture also that architecture's GNU toolchain and C library (on Debian:
/// gcc-aarch64-linux-gnu and libc6-dev-arm64-cross for arm64).
/// <see cref="EnsureAsync"/> rebuilds only when a source, the package settings or the deploy script changed since the
/// package was written; concurrent callers (test projects, the deploy script) wait for one another.
/// </summary>
public static class FunctionPackage
{
    /// <summary>The architecture the stacks deploy (the functions' <c>architectures</c> setting).</summary>
    public const string DeployedArchitecture = "arm64";

    /// <summary>The name <c>dotnet publish</c> gives the executable: the project's assembly name.</summary>
    public const string PublishedExecutable = "Functions";

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(15);

    /// <summary>The files whose change makes a package stale, besides everything under <c>Functions/</c>.</summary>
    private static readonly string[] Settings = ["Directory.Build.props", "Directory.Packages.props", "Infra/compile.sh"];

    /// <summary>The .NET runtime identifier of a Lambda architecture (<c>arm64</c> or <c>x86_64</c>).</summary>
    public static string RuntimeIdentifier(string architecture) => architecture switch
    {
        "arm64" => "linux-arm64",
        "x86_64" => "linux-x64",
        _ => throw new ArgumentException($"'{architecture}' is not a Lambda architecture (arm64, x86_64)", nameof(architecture)),
    };

    /// <summary>The package's path relative to the repository root; the Pulumi program's <c>fn::fileArchive</c> points here.</summary>
    public static string ArchivePath(string architecture) => $"Functions/bin/lambda/{architecture}/function.zip";

    /// <summary>The Lambda architecture of the machine this runs on, when it has one.</summary>
    public static string? HostArchitecture() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        _ => null,
    };

    /// <summary>Returns the full path of an up-to-date package for <paramref name="architecture"/>, building it first when stale.</summary>
    /// <param name="repositoryRoot">The folder holding Pipeline.sln.</param>
    /// <param name="log">Receives progress and the publish output (stderr for commands: stdout stays for results).</param>
    public static async Task<string> EnsureAsync(string repositoryRoot, string architecture, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rid = RuntimeIdentifier(architecture);
        var archive = Path.Combine(repositoryRoot, ArchivePath(architecture));
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        await using var gate = await LockAsync(archive + ".lock", log, cancellationToken).ConfigureAwait(false);
        if (!IsStale(repositoryRoot, archive))
        {
            return archive;
        }

        var publish = Path.Combine(repositoryRoot, "Functions", "bin", "publish", rid);
        if (Directory.Exists(publish))
        {
            Directory.Delete(publish, recursive: true);
        }

        await log.WriteLineAsync($"Publishing the functions for {architecture} (Native AOT, {rid}) to {publish}...").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await PublishAsync(repositoryRoot, rid, publish, log, cancellationToken).ConfigureAwait(false);
        FunctionArchive.Write(publish, PublishedExecutable, archive);
        await log.WriteLineAsync($"Packaged {archive} ({new FileInfo(archive).Length / 1024.0 / 1024.0:0.0} MiB) in {clock.Elapsed.TotalSeconds:0} s").ConfigureAwait(false);
        return archive;
    }

    private static bool IsStale(string repositoryRoot, string archive)
    {
        if (!File.Exists(archive))
        {
            return true;
        }

        var written = File.GetLastWriteTimeUtc(archive);
        var sources = Directory.EnumerateFiles(Path.Combine(repositoryRoot, "Functions"), "*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(repositoryRoot, path)) && !path.EndsWith(".md", StringComparison.Ordinal))
            .Concat(Settings.Select(path => Path.Combine(repositoryRoot, path)).Where(File.Exists));
        return sources.Any(path => File.GetLastWriteTimeUtc(path) > written);
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar);
        return parts.Length > 1 && parts[1] is "bin" or "obj";
    }

    private static async Task PublishAsync(string repositoryRoot, string rid, string output, TextWriter log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repositoryRoot,
        };
        // Its own obj and bin folders: the publish leaves the build's restore and outputs alone, even while tests run.
        var build = Path.Combine(repositoryRoot, "Functions", "bin", "aot");
        string[] arguments =
        [
            "publish", Path.Combine("Functions", "Functions.csproj"), "-c", "Release", "-r", rid, "-p:PublishAot=true",
            $"-p:BaseIntermediateOutputPath={build}/obj/", $"-p:BaseOutputPath={build}/bin/", "-o", output, "-nologo", "-v", "q",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var printed = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        await log.WriteAsync(printed).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish for {rid} failed with exit code {process.ExitCode}; Native AOT needs clang (and for linux-arm64 on another "
                + $"machine, Debian's gcc-aarch64-linux-gnu and libc6-dev-arm64-cross): see README.md. {printed.Trim()}");
        }
    }

    /// <summary>An exclusive lock on <paramref name="path"/> that other processes wait for.</summary>
    private static async Task<FileStream> LockAsync(string path, TextWriter log, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                if (!announced)
                {
                    await log.WriteLineAsync($"Waiting for another build of {Path.GetDirectoryName(path)}...").ConfigureAwait(false);
                    announced = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
