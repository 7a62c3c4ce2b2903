namespace Pipeline.Functions;

/// <summary>Settings of the handlers that only need the ingest bucket (Validate, Transform, Quarantine).</summary>
public sealed record BucketSettings(string BucketName)
{
    public static BucketSettings FromEnvironment(EnvironmentReader environment) =>
        new(environment.RequiredString(EnvironmentVariables.BucketName));
}
