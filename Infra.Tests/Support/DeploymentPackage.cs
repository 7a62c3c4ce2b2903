namespace Pipeline.Infra.Tests.Support;

/// <summary>
/// The project root with the functions' deployment package built (once per test run, and only when stale): the policy
/// rules inspect the zip the program deploys, not a stand-in.
/// </summary>
internal static class DeploymentPackage
{
    private static readonly Lazy<string> Built = new(() =>
    {
        PackageCommand.EnsureAsync(RepositoryRoot.Path, TextWriter.Null).GetAwaiter().GetResult();
        return RepositoryRoot.Path;
    });

    public static string ProjectRoot => Built.Value;
}
