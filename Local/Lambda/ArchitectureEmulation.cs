using Pipeline.Functions.Packaging;

namespace Pipeline.Local.Lambda;

/// <summary>
/// How to start an executable built for a Lambda architecture on this machine: directly when the machine has that
/// architecture, else under Debian's <c>qemu-user-static</c>, with the target's C library and OpenSSL (which .NET loads for
/// signing and TLS, as <c>provided.al2023</c> has them) installed as Debian multiarch packages.
/// </summary>
public static class ArchitectureEmulation
{
    private static readonly Dictionary<string, (string Emulator, string Loader, string Debian)> Emulators = new(StringComparer.Ordinal)
    {
        ["arm64"] = ("qemu-aarch64-static", "/lib/ld-linux-aarch64.so.1", "arm64"),
        ["x86_64"] = ("qemu-x86_64-static", "/lib64/ld-linux-x86-64.so.2", "amd64"),
    };

    /// <summary>The program and leading arguments that run <paramref name="executable"/> built for <paramref name="architecture"/>.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Command(string architecture, string executable)
    {
        if (architecture == FunctionPackage.HostArchitecture())
        {
            return (executable, []);
        }

        if (!Emulators.TryGetValue(architecture, out var emulation))
        {
            throw new ArgumentException($"'{architecture}' is not a Lambda architecture (arm64, x86_64)", nameof(architecture));
        }

        var emulator = FindOnPath(emulation.Emulator)
            ?? throw new InvalidOperationException(
                $"running the {architecture} package on this {FunctionPackage.HostArchitecture()} machine needs {emulation.Emulator}: apt-get install qemu-user-static");
        if (!File.Exists(emulation.Loader))
        {
            throw new InvalidOperationException(
                $"running the {architecture} package needs its C library and OpenSSL ({emulation.Loader} is missing): "
                + $"dpkg --add-architecture {emulation.Debian} && apt-get update && apt-get install libc6:{emulation.Debian} libssl3:{emulation.Debian}");
        }

        return (emulator, [executable]);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
