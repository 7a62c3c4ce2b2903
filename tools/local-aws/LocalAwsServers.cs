using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace Pipeline.LocalAws;

/// <summary>
/// AWS's DynamoDB Local and the s3rver S3 API server, started by <c>tools/local-aws/serve.js</c> on
/// free 127.0.0.1 ports, with AWS SDK clients configured for them. Disposing closes the script's
/// stdin, which stops both servers; the script also stops them when this process dies.
/// This file is shared source: projects that need local AWS servers compile it in.
/// </summary>
internal sealed class LocalAwsServers : IAsyncDisposable
{
    /// <summary>s3rver accepts only this access key (and the same secret).</summary>
    public const string S3AccessKey = "S3RVER";

    public const string Region = "us-east-1";

    // Null for servers another process runs (see Attach): this object then never stops them.
    private readonly Process? process;

    private LocalAwsServers(Process? process, Uri s3Endpoint, Uri dynamoDbEndpoint)
    {
        this.process = process;
        S3Endpoint = s3Endpoint;
        DynamoDbEndpoint = dynamoDbEndpoint;
    }

    public Uri S3Endpoint { get; }

    public Uri DynamoDbEndpoint { get; }

    /// <summary>Starts both servers and returns once each answers requests.</summary>
    /// <param name="toolsDirectory">The repository's <c>tools/</c> folder, with <c>node_modules</c> installed.</param>
    public static async Task<LocalAwsServers> StartAsync(string toolsDirectory, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(toolsDirectory, "local-aws", "serve.js");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = toolsDirectory,
        };

        // s3rver's ListObjectsV2 paging needs the legacy OpenSSL provider on Node 17+.
        start.ArgumentList.Add("--openssl-legacy-provider");
        start.ArgumentList.Add(script);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            line = null;
        }

        if (line is null)
        {
            Stop(process);
            string stderr;
            lock (errors)
            {
                stderr = errors.ToString();
            }

            throw new InvalidOperationException($"the local AWS servers did not start within {timeout.TotalSeconds} s: {stderr}");
        }

        using var endpoints = JsonDocument.Parse(line);
        return new LocalAwsServers(
            process,
            new Uri(endpoints.RootElement.GetProperty("s3").GetString()!),
            new Uri(endpoints.RootElement.GetProperty("dynamoDb").GetString()!));
    }

    /// <summary>Servers another process started and keeps running; disposing this object leaves them running.</summary>
    public static LocalAwsServers Attach(Uri s3Endpoint, Uri dynamoDbEndpoint) => new(null, s3Endpoint, dynamoDbEndpoint);

    /// <summary>Walks up from <paramref name="start"/> to the folder holding Pipeline.sln and returns its tools/ folder.</summary>
    public static string FindToolsDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            {
                return Path.Combine(directory.FullName, "tools");
            }
        }

        throw new DirectoryNotFoundException($"no Pipeline.sln above {start}");
    }

    public AmazonS3Client CreateS3Client() => new(
        new BasicAWSCredentials(S3AccessKey, S3AccessKey),
        new AmazonS3Config
        {
            ServiceURL = S3Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public AmazonDynamoDBClient CreateDynamoDbClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig
        {
            ServiceURL = DynamoDbEndpoint.ToString(),
            AuthenticationRegion = Region,
        });

    public ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            Stop(process);
        }

        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        finally
        {
            process.Dispose();
        }
    }
}
