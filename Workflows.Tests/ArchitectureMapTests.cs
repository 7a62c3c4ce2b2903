using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Tests;

/// <summary>ARCHITECTURE.md stays true to the layout: every repository path it names exists.</summary>
public partial class ArchitectureMapTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly HashSet<string> TopLevel = Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)!;
    private static readonly string[] Map = File.ReadAllLines(Path.Combine(Root, "ARCHITECTURE.md"));

    [Fact]
    public void EveryRepositoryPathTheMapNames_Exists()
    {
        // A code span naming a place under a top-level folder or file of the repository (not a bucket prefix, not a pattern).
        var paths = Map.SelectMany(CodeSpans)
            .Where(path => !path.Contains('<') && !path.Contains('*') && !path.Contains(' ') && TopLevel.Contains(path.Split('/')[0]))
            .Distinct()
            .ToList();

        paths.Should().HaveCountGreaterThan(20, "the map names where things live");
        Missing(paths).Should().BeEmpty("ARCHITECTURE.md must name only paths that exist");
    }

    [Fact]
    public void EveryPathARowOfTheProjectTableNames_ExistsInThatProject()
    {
        // In a project's row, `Model/` or `Catalog/HandlerCatalog.cs` is a place inside that project.
        var paths = Map.Select(line => ProjectRow().Match(line))
            .Where(row => row.Success && TopLevel.Contains(row.Groups[1].Value))
            .SelectMany(row => CodeSpans(row.Value)
                .Where(path => (path.EndsWith('/') || path.EndsWith(".cs", StringComparison.Ordinal)) && !TopLevel.Contains(path.Split('/')[0]))
                .Select(path => $"{row.Groups[1].Value}/{path}"))
            .ToList();

        paths.Should().HaveCountGreaterThan(10, "the project table names the folders of each project");
        Missing(paths).Should().BeEmpty("ARCHITECTURE.md must name only paths that exist");
    }

    private static IEnumerable<string> CodeSpans(string text) => CodeSpan().Matches(text).Select(match => match.Groups[1].Value);

    private static IEnumerable<string> Missing(IEnumerable<string> paths) =>
        paths.Where(path => !File.Exists(Path.Combine(Root, path)) && !Directory.Exists(Path.Combine(Root, path)));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^\| `([\w.]+)/` \|.*$")]
    private static partial Regex ProjectRow();
}
