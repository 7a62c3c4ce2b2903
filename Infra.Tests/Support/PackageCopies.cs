using System.IO.Compression;
using Pipeline.Functions.Packaging;

namespace Pipeline.Infra.Tests.Support;

/// <summary>Broken copies of the real deployment package, for showing that the package rule catches them.</summary>
internal static class PackageCopies
{
    /// <summary>A copy of the deployed package whose <c>bootstrap</c> has <paramref name="mode"/>; its absolute path.</summary>
    public static string WithBootstrapMode(UnixFileMode mode)
    {
        var original = Path.Combine(DeploymentPackage.ProjectRoot, FunctionPackage.ArchivePath(FunctionPackage.DeployedArchitecture));
        var copy = Path.Combine(Path.GetTempPath(), $"pipeline-package-{Convert.ToString((int)mode, 8)}-{Guid.NewGuid():N}.zip");
        File.Copy(original, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        zip.GetEntry(FunctionArchive.EntryPoint)!.ExternalAttributes = FunctionArchive.ExternalAttributes(mode);
        return copy;
    }
}
