namespace Pipeline.Infra.Tests.Support;

/// <summary>Paths inside the repository.</summary>
internal static class RepoPath
{
    public static string Of(params string[] parts) => Path.Combine([RepositoryRoot.Path, .. parts]);
}
