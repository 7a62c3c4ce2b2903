namespace Pipeline.Functions;

public sealed record LoadBatchSettings(string BucketName, int ChunkSize = LoadBatchSettings.DefaultChunkSize, long MaxObjectBytes = LoadBatchSettings.DefaultMaxObjectBytes)
{
    public const int DefaultChunkSize = 1000;
    public const long DefaultMaxObjectBytes = 256L * 1024 * 1024;

    public static LoadBatchSettings FromEnvironment(EnvironmentReader environment) => new(
        environment.RequiredString(EnvironmentVariables.BucketName),
        (int)environment.OptionalInteger(EnvironmentVariables.ChunkSize, DefaultChunkSize, 1, 100_000),
        environment.OptionalInteger(EnvironmentVariables.MaxObjectBytes, DefaultMaxObjectBytes, 1, int.MaxValue));
}
