namespace Pipeline.Functions;

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
