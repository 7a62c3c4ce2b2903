using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Tests;

/// <summary>ARCHITECTURE.md stays true to the layout: every repository path it names exists.</summary>
public partial class ArchitectureMapTests
{
    [Fact]
    public void EveryRepositoryPathTheMapNames_Exists()
    {
        var root = RepositoryRoot.Path;
        var topLevel = Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var map = File.ReadAllText(Path.Combine(root, "ARCHITECTURE.md"));

        // A code span naming a place under a top-level folder or file of the repository (not a bucket prefix, not a pattern).
        var paths = CodeSpan().Matches(map).Select(match => match.Groups[1].Value)
            .Where(path => !path.Contains('<') && !path.Contains('*') && !path.Contains(' ') && topLevel.Contains(path.Split('/')[0]))
            .Distinct()
            .ToList();

        paths.Should().HaveCountGreaterThan(20, "the map names where things live");
        paths.Where(path => !File.Exists(Path.Combine(root, path)) && !Directory.Exists(Path.Combine(root, path)))
            .Should().BeEmpty("ARCHITECTURE.md must name only paths that exist");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
