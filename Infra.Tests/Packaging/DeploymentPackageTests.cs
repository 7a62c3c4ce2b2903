using System.Diagnostics;
using System.IO.Compression;
using Pipeline.Functions.Packaging;

namespace Pipeline.Infra.Tests.Packaging;

/// <summary>
/// The zip the program uploads, read by tools that are not ours: Python's zipfile for the entries and their Unix
/// modes (as Lambda's unpacking honours them), binutils' readelf for the executable's machine and glibc needs.
/// </summary>
public class DeploymentPackageTests
{
    private static string Package => Path.Combine(DeploymentPackage.ProjectRoot, FunctionPackage.ArchivePath(FunctionPackage.DeployedArchitecture));

    [Fact]
    public void ThePackageHoldsOnlyAnExecutableBootstrapMarkedAsMadeOnUnix()
    {
        var listing = Run("python3", "-c",
            "import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, i.create_system, oct(i.external_attr >> 16))",
            Package);

        listing.Trim().Should().Be("bootstrap 3 0o100755", "the entry point is a regular file, rwxr-xr-x, in a zip made on Unix (create_system 3)");
    }

    [Fact]
    public void ThePackageFitsWellWithinLambdasDirectUploadLimits()
    {
        var zipped = new FileInfo(Package).Length;
        var unzipped = FunctionArchive.Read(Package).Sum(entry => entry.Size);

        zipped.Should().BeLessThan(10L * 1000 * 1000, "the package's size goal is under 10 MB zipped");
        zipped.Should().BeLessThan(FunctionPackageRule.MaxZippedBytes);
        unzipped.Should().BeLessThan(FunctionPackageRule.MaxUnzippedBytes);
    }

    [Fact]
    public void TheBootstrapIsAnArm64ExecutableNeedingNoNewerGlibcThanAmazonLinux2023()
    {
        var bootstrap = Extract();

        var header = Run("readelf", "--file-header", "--version-info", bootstrap);
        var elf = ElfExecutable.Read(File.ReadAllBytes(bootstrap))!;

        header.Should().Contain("Machine:                           AArch64");
        elf.Architecture.Should().Be("arm64");
        var newest = header.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.StartsWith("GLIBC_", StringComparison.Ordinal))
            .Select(word => Version.Parse(word["GLIBC_".Length..]))
            .Max();
        elf.NewestGlibc.Should().Be(newest, "our reader finds the same newest glibc version readelf lists");
        newest.Should().BeLessThanOrEqualTo(FunctionPackageRule.Al2023Glibc);
    }

    private static string Extract()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-package-").FullName;
        ZipFile.ExtractToDirectory(Package, folder);
        return Path.Combine(folder, FunctionArchive.EntryPoint);
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, errors);
        return output;
    }
}
