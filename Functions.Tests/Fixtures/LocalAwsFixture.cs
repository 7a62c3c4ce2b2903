using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.LocalAws;

namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>
/// Starts DynamoDB Local and s3rver once for the integration tests, creates the ingest bucket, and
/// stops both servers when the tests are done. Each test creates its own table.
/// </summary>
public sealed class LocalAwsFixture : IAsyncLifetime
{
    public const string BucketName = "pipeline-ingest";

    private LocalAwsServers? servers;
    private AmazonS3Client? s3;
    private AmazonDynamoDBClient? dynamoDb;
    private int tables;

    public IAmazonS3 S3 => s3 ?? throw new InvalidOperationException("not started");

    public IAmazonDynamoDB DynamoDb => dynamoDb ?? throw new InvalidOperationException("not started");

    public Uri S3Endpoint => servers?.S3Endpoint ?? throw new InvalidOperationException("not started");

    public Uri DynamoDbEndpoint => servers?.DynamoDbEndpoint ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        servers = await LocalAwsServers.StartAsync(LocalAwsServers.FindToolsDirectory(AppContext.BaseDirectory), TimeSpan.FromSeconds(90));
        s3 = servers.CreateS3Client();
        dynamoDb = servers.CreateDynamoDbClient();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = BucketName });
    }

    /// <summary>Creates a table with the pipeline's key schema and returns its name.</summary>
    public async Task<string> CreateTableAsync()
    {
        var name = $"records-{Interlocked.Increment(ref tables)}";
        await DynamoDb.CreateTableAsync(TableSchema.CreateTableRequest(name));
        return name;
    }

    public async Task DisposeAsync()
    {
        s3?.Dispose();
        dynamoDb?.Dispose();
        if (servers is not null)
        {
            await servers.DisposeAsync();
        }
    }
}
