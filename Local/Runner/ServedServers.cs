using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Runner;

/// <summary>
/// The servers a <c>serve</c> command runs, announced in <c>.local/servers.json</c> (its process id and the two
/// endpoints) while it runs. A file whose process is gone or whose servers do not answer is ignored and removed.
/// </summary>
public sealed record ServedServers(int ProcessId, Uri S3, Uri DynamoDb)
{
    public static string FilePath(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "servers.json");

    public void Write(string repositoryRoot)
    {
        var path = FilePath(repositoryRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = new JsonObject { ["processId"] = ProcessId, ["s3"] = S3.ToString(), ["dynamoDb"] = DynamoDb.ToString() };
        File.WriteAllText(path, json.ToJsonString());
    }

    public static void Remove(string repositoryRoot) => File.Delete(FilePath(repositoryRoot));

    public static async Task<ServedServers?> FindAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var path = FilePath(repositoryRoot);
        if (!File.Exists(path))
        {
            return null;
        }

        ServedServers? served = null;
        try
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))!;
            served = new ServedServers(json["processId"]!.GetValue<int>(), new Uri(json["s3"]!.GetValue<string>()), new Uri(json["dynamoDb"]!.GetValue<string>()));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or UriFormatException)
        {
            // Not a file serve wrote: fall through and remove it.
        }

        if (served is not null && IsRunning(served.ProcessId)
            && await AnswersAsync(served.S3, cancellationToken).ConfigureAwait(false)
            && await AnswersAsync(served.DynamoDb, cancellationToken).ConfigureAwait(false))
        {
            return served;
        }

        File.Delete(path);
        return null;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> AnswersAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
