using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Pipeline.Testing;

/// <summary>
/// Which folders of a project reach which others. Namespaces follow folders, so a reference is a
/// <c>using Pipeline.Project.Folder</c> or a name qualified with <c>Pipeline.Project.Folder.</c> in a file of another
/// folder of the same project.
/// </summary>
internal static class FolderLayers
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>>> Read = new(StringComparer.Ordinal);

    /// <summary>Each top-level folder of <paramref name="project"/> with the folders its files reference, read once per run.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> References(string project) =>
        Read.GetOrAdd(project, name => new Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>>(() => ReadReferences(name))).Value;

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> ReadReferences(string project)
    {
        var root = System.IO.Path.Combine(RepositoryRoot.Path, project);
        var folders = Directory.GetDirectories(root)
            .Select(System.IO.Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .ToDictionary(name => name!, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var reference = new Regex($@"(?:^using (?:\w+ = )?|[^\w.])Pipeline\.{Regex.Escape(project)}\.(?<folder>\w+)\b", RegexOptions.Multiline);
        foreach (var folder in folders.Keys)
        {
            foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in reference.Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups["folder"].Value;
                    if (target != folder && folders.ContainsKey(target))
                    {
                        folders[folder].Add(target);
                    }
                }
            }
        }

        return folders.ToDictionary(folder => folder.Key, folder => (IReadOnlySet<string>)folder.Value, StringComparer.Ordinal);
    }

    /// <summary>Each cycle as "A -> B -> A", found by a depth-first walk from every folder.</summary>
    public static List<string> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> references)
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
}
