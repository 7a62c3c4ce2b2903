using Pipeline.Functions.Contracts;
using Pipeline.Functions.Loading;

namespace Pipeline.Functions.Configuration;

/// <summary>Settings of the handlers that only need the ingest bucket (Validate, Transform, Quarantine).</summary>
public sealed record BucketSettings(string BucketName)
{
    public static BucketSettings FromEnvironment(EnvironmentReader environment) =>
        new(environment.RequiredString(EnvironmentVariables.BucketName));
}

public sealed record LoadBatchSettings(
    string BucketName,
    int ChunkSize = LoadBatchSettings.DefaultChunkSize,
    long MaxObjectBytes = LoadBatchSettings.DefaultMaxObjectBytes,
    int MaxRecordBytes = LoadBatchSettings.DefaultMaxRecordBytes)
{
    public const int DefaultChunkSize = 1000;
    public const int LargestChunkSize = 100_000;

    public const long DefaultMaxObjectBytes = 256L * 1024 * 1024;

    /// <summary>5 GiB, the largest object a single PutObject can upload.</summary>
    public const long LargestMaxObjectBytes = 5L * 1024 * 1024 * 1024;

    public const int DefaultMaxRecordBytes = 4 * 1024 * 1024;
    public const int SmallestMaxRecordBytes = 1024;
    public const int LargestMaxRecordBytes = 256 * 1024 * 1024;

    public RecordReaderOptions ReaderOptions => new(ChunkSize, MaxRecordBytes);

    public static LoadBatchSettings FromEnvironment(EnvironmentReader environment) => new(
        environment.RequiredString(EnvironmentVariables.BucketName),
        (int)environment.OptionalInteger(EnvironmentVariables.ChunkSize, DefaultChunkSize, 1, LargestChunkSize),
        environment.OptionalInteger(EnvironmentVariables.MaxObjectBytes, DefaultMaxObjectBytes, 1, LargestMaxObjectBytes),
        (int)environment.OptionalInteger(EnvironmentVariables.MaxRecordBytes, DefaultMaxRecordBytes, SmallestMaxRecordBytes, LargestMaxRecordBytes));
}

public sealed record StoreSettings(
    string BucketName,
    string TableName,
    int MaxAttempts = StoreSettings.DefaultMaxAttempts,
    int BaseDelayMs = StoreSettings.DefaultBaseDelayMs,
    int MaxDelayMs = StoreSettings.DefaultMaxDelayMs)
{
    public const int DefaultMaxAttempts = 8;
    public const int DefaultBaseDelayMs = 50;
    public const int DefaultMaxDelayMs = 5000;

    public static StoreSettings FromEnvironment(EnvironmentReader environment)
    {
        var baseDelay = (int)environment.OptionalInteger(EnvironmentVariables.StoreBaseDelayMs, DefaultBaseDelayMs, 1, 60_000);
        return new StoreSettings(
            environment.RequiredString(EnvironmentVariables.BucketName),
            environment.RequiredString(EnvironmentVariables.TableName),
            (int)environment.OptionalInteger(EnvironmentVariables.StoreMaxAttempts, DefaultMaxAttempts, 1, 50),
            baseDelay,
            (int)environment.OptionalInteger(EnvironmentVariables.StoreMaxDelayMs, Math.Max(DefaultMaxDelayMs, baseDelay), baseDelay, 300_000));
    }
}
