using Pipeline.Functions.Packaging;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Packaging;

namespace Pipeline.Infra.Policy.Rules;

/// <summary>
/// L-PACKAGE: the zip a function deploys starts on its runtime. On an OS-only runtime Lambda runs <c>bootstrap</c> at
/// the package's root: it must be there, executable (else <c>Runtime.InvalidEntrypoint</c>), an ELF executable for the
/// function's architecture, and need no newer glibc than Amazon Linux 2023's 2.34. The package must also fit Lambda's
/// limits for a direct upload: 50 MB zipped, 250 MB unzipped.
/// </summary>
public sealed class FunctionPackageRule : IPolicyRule
{
    public const long MaxZippedBytes = 50L * 1000 * 1000;
    public const long MaxUnzippedBytes = 250L * 1000 * 1000;

    /// <summary>The glibc of Amazon Linux 2023, which <c>provided.al2023</c> runs on.</summary>
    public static readonly Version Al2023Glibc = new(2, 34);

    public string Id => "L-PACKAGE";

    public string Sentence =>
        $"Every function's package is a zip with an executable {FunctionArchive.EntryPoint} for its architecture needing glibc {Al2023Glibc} at most, within Lambda's size limits.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from function in context.Stack.All<LambdaFunction>()
        from problem in Problems(context.ProjectRoot, function)
        select new Finding(Id, function.LogicalName, problem);

    private static IEnumerable<string> Problems(string projectRoot, LambdaFunction function)
    {
        var path = Path.GetFullPath(function.Code.Path, projectRoot);
        if (!path.EndsWith(".zip", StringComparison.Ordinal) || !File.Exists(path))
        {
            yield return $"code {function.Code.Path} is not a built .zip (Pulumi would zip a folder without Unix modes); run `dotnet run --project Infra -- package`";
            yield break;
        }

        var entries = FunctionArchive.Read(path);
        if (new FileInfo(path).Length > MaxZippedBytes || entries.Sum(entry => entry.Size) > MaxUnzippedBytes)
        {
            yield return $"{function.Code.Path} exceeds Lambda's direct-upload limits (50 MB zipped, 250 MB unzipped)";
        }

        if (!function.Runtime.StartsWith("provided", StringComparison.Ordinal))
        {
            yield break;
        }

        var bootstrap = entries.FirstOrDefault(entry => entry.Name == FunctionArchive.EntryPoint);
        if (bootstrap is null)
        {
            yield return $"{function.Code.Path} has no {FunctionArchive.EntryPoint} at its root";
            yield break;
        }

        if (!bootstrap.IsExecutable || (bootstrap.Mode & UnixFileMode.OtherRead) == 0)
        {
            yield return $"{FunctionArchive.EntryPoint} in {function.Code.Path} has mode {Convert.ToString((int)bootstrap.Mode, 8)}, not executable and world-readable (755)";
        }

        var elf = ElfExecutable.Read(FunctionArchive.ReadEntry(path, FunctionArchive.EntryPoint));
        var architecture = function.Architectures.FirstOrDefault() ?? "x86_64";
        if (elf is null)
        {
            yield return $"{FunctionArchive.EntryPoint} in {function.Code.Path} is not a 64-bit ELF executable";
        }
        else if (elf.Architecture != architecture)
        {
            yield return $"{FunctionArchive.EntryPoint} in {function.Code.Path} is built for {elf.Machine}, the function runs on {architecture}";
        }
        else if (elf.NewestGlibc is { } glibc && glibc > Al2023Glibc)
        {
            yield return $"{FunctionArchive.EntryPoint} in {function.Code.Path} needs glibc {glibc}; Amazon Linux 2023 has {Al2023Glibc}";
        }
    }
}
