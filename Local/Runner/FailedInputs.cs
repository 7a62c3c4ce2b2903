using System.Text.Json.Nodes;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Runner;

/// <summary>
/// The inputs (S3 events) of executions that failed or were interrupted, kept in <c>.local/failed/</c> for a redrive.
/// Only the newest <see cref="Kept"/> are kept, so the folder stays bounded however often runs fail.
/// </summary>
public static class FailedInputs
{
    public const int Kept = 50;

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "failed");

    /// <summary>Saves the input of execution <paramref name="name"/>, removes the oldest beyond <see cref="Kept"/>, and returns its path.</summary>
    public static async Task<string> SaveAsync(string repositoryRoot, string name, JsonNode input, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Folder(repositoryRoot));
        var path = Path.Combine(folder.FullName, $"{name}.json");
        await File.WriteAllTextAsync(path, JsonText.Write(input), cancellationToken).ConfigureAwait(false);
        foreach (var old in folder.GetFiles("*.json").Where(file => file.FullName != path).OrderByDescending(file => file.LastWriteTimeUtc).Skip(Kept - 1))
        {
            old.Delete();
        }

        return path;
    }
}
