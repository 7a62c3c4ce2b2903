using System.Text.Json.Nodes;
using Pipeline.Local.Engine;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Runner;

/// <summary>
/// Executions that failed or were interrupted, kept in <c>.local/failed/</c> for <c>redrive</c>: the input (the S3 event)
/// as <c>&lt;name&gt;.json</c> and, for a Standard execution that can be redriven, its record (<see cref="ExecutionRecord"/>)
/// as <c>&lt;name&gt;.execution.json</c>. Only the newest <see cref="Kept"/> executions are kept, so the folder stays
/// bounded however often runs fail.
/// </summary>
public static class FailedExecutions
{
    public const int Kept = 50;

    private const string RecordSuffix = ".execution.json";

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "failed");

    public static string InputPath(string repositoryRoot, string name) => Path.Combine(Folder(repositoryRoot), $"{name}.json");

    /// <summary>The executions kept, by name.</summary>
    public static IReadOnlyList<string> Names(string repositoryRoot) => Directory.Exists(Folder(repositoryRoot))
        ? [.. Directory.GetFiles(Folder(repositoryRoot), "*.json").Select(NameOf).Distinct().Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Keeps execution <paramref name="name"/>'s input, and its record when a redrive can continue it; returns the input's path.</summary>
    public static async Task<string> SaveAsync(string repositoryRoot, string name, JsonNode input, ExecutionResult? execution, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Folder(repositoryRoot));
        var path = InputPath(repositoryRoot, name);
        await File.WriteAllTextAsync(path, JsonText.Write(input), cancellationToken).ConfigureAwait(false);
        var record = Path.Combine(folder.FullName, name + RecordSuffix);
        if (execution?.RedrivePoint is not null)
        {
            await File.WriteAllTextAsync(record, JsonText.Write(ExecutionRecord.Write(execution)), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            File.Delete(record);
        }

        var older = folder.GetFiles("*.json")
            .GroupBy(file => NameOf(file.Name))
            .Where(execution => execution.Key != name)
            .OrderByDescending(execution => execution.Max(file => file.LastWriteTimeUtc))
            .Skip(Kept - 1);
        foreach (var file in older.SelectMany(execution => execution))
        {
            file.Delete();
        }

        return path;
    }

    /// <summary>The record of execution <paramref name="name"/>, or null when none was kept (an Express or interrupted execution).</summary>
    public static async Task<ExecutionResult?> LoadAsync(string repositoryRoot, string name, CancellationToken cancellationToken)
    {
        var record = Path.Combine(Folder(repositoryRoot), name + RecordSuffix);
        return File.Exists(record)
            ? ExecutionRecord.Read(JsonNode.Parse(await File.ReadAllTextAsync(record, cancellationToken).ConfigureAwait(false))!.AsObject())
            : null;
    }

    /// <summary>Forgets execution <paramref name="name"/> once it has succeeded.</summary>
    public static void Forget(string repositoryRoot, string name)
    {
        if (!Directory.Exists(Folder(repositoryRoot)))
        {
            return;
        }

        File.Delete(InputPath(repositoryRoot, name));
        File.Delete(Path.Combine(Folder(repositoryRoot), name + RecordSuffix));
    }

    private static string NameOf(string path)
    {
        var file = Path.GetFileName(path);
        return file.EndsWith(RecordSuffix, StringComparison.Ordinal) ? file[..^RecordSuffix.Length] : Path.GetFileNameWithoutExtension(file);
    }
}
