namespace Pipeline.Functions;

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
