using System.Text.RegularExpressions;

namespace Pipeline.Local.Tests;

/// <summary>
/// The folders of Local depend on each other in one direction: the engine sits on its definition, paths, tasks,
/// history, clock and errors, and none of those reaches back up. A reference is a <c>using Pipeline.Local.X</c> or a
/// name qualified with <c>Pipeline.Local.X.</c> in a file of another folder.
/// </summary>
public partial class LayeringTests
{
    private static readonly string LocalRoot = Path.Combine(RepositoryRoot.Path, "Local");

    [Fact]
    public void TheFoldersOfLocal_DependOnEachOtherWithoutACycle()
    {
        var references = FolderReferences();

        Cycles(references).Should().BeEmpty("each of these folders reaches itself through the others");
    }

    [Theory]
    [InlineData("Paths")]
    [InlineData("Tasks")]
    [InlineData("History")]
    [InlineData("Clock")]
    [InlineData("Errors")]
    [InlineData("Definition")]
    public void WhatTheEngineRunsOn_DoesNotReachTheEngine(string folder)
    {
        FolderReferences()[folder].Should().NotContain("Engine");
    }

    private static Dictionary<string, HashSet<string>> FolderReferences()
    {
        var folders = Directory.GetDirectories(LocalRoot)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .ToDictionary(name => name!, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders.Keys)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(LocalRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in Reference().Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups["folder"].Value;
                    if (target != folder && folders.ContainsKey(target))
                        folders[folder].Add(target);
                }
            }
        }

        return folders;
    }

    /// <summary>Each cycle as "A -> B -> A", found by a depth-first walk from every folder.</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> references)
    {
        var cycles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in references.Keys)
        {
            var trail = new List<string> { start };
            Walk(start);

            void Walk(string folder)
            {
                foreach (var next in references[folder].Order(StringComparer.Ordinal))
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" -> ", Rotated([.. trail])) + " -> " + Rotated([.. trail])[0]);
                    }
                    else if (!trail.Contains(next))
                    {
                        trail.Add(next);
                        Walk(next);
                        trail.RemoveAt(trail.Count - 1);
                    }
                }
            }
        }

        return [.. cycles.Order(StringComparer.Ordinal)];
    }

    /// <summary>The same cycle found from another folder reads the same: it starts at its first folder in order.</summary>
    private static List<string> Rotated(List<string> cycle)
    {
        var first = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        return [.. cycle.Skip(first), .. cycle.Take(first)];
    }

    [GeneratedRegex(@"(?:^using (?:\w+ = )?|[^\w.])Pipeline\.Local\.(?<folder>\w+)\b", RegexOptions.Multiline)]
    private static partial Regex Reference();
}
