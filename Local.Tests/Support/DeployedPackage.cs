using Pipeline.Functions.Packaging;

namespace Pipeline.Local.Tests.Support;

/// <summary>The deployment package the stacks deploy (arm64), built once per test run when its sources changed.</summary>
internal static class DeployedPackage
{
    private static readonly Lazy<Task<string>> Built = new(() =>
        FunctionPackage.EnsureAsync(RepositoryRoot.Path, FunctionPackage.DeployedArchitecture, TextWriter.Null));

    public static Task<string> PathAsync() => Built.Value;
}
