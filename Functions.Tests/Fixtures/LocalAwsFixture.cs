using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.LocalAws;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Starts DynamoDB Local and s3rver once for the integration tests, creates the ingest bucket, and
/// stops both servers when the tests are done. Each test creates its own table.
/// </summary>
public sealed class LocalAwsFixture : IAsyncLifetime
{
    public const string BucketName = "pipeline-ingest";

    private LocalAwsServers? _servers;
    private AmazonS3Client? _s3;
    private AmazonDynamoDBClient? _dynamoDb;
    private int _tables;

    public IAmazonS3 S3 => _s3 ?? throw new InvalidOperationException("not started");

    public IAmazonDynamoDB DynamoDb => _dynamoDb ?? throw new InvalidOperationException("not started");

    public Uri S3Endpoint => _servers?.S3Endpoint ?? throw new InvalidOperationException("not started");

    public Uri DynamoDbEndpoint => _servers?.DynamoDbEndpoint ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _servers = await LocalAwsServers.StartAsync(LocalAwsServers.FindToolsDirectory(AppContext.BaseDirectory), TimeSpan.FromSeconds(90));
        _s3 = _servers.CreateS3Client();
        _dynamoDb = _servers.CreateDynamoDbClient();
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = BucketName });
    }

    /// <summary>Creates a table with the pipeline's key schema and returns its name.</summary>
    public async Task<string> CreateTableAsync()
    {
        var name = $"records-{Interlocked.Increment(ref _tables)}";
        await DynamoDb.CreateTableAsync(TableSchema.CreateTableRequest(name));
        return name;
    }

    public async Task DisposeAsync()
    {
        _s3?.Dispose();
        _dynamoDb?.Dispose();
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}
