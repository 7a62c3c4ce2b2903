using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Settings;

/// <summary>The settings each known stack starts from before its config is applied.</summary>
public static class StackDefaults
{
    public const string Dev = "dev";
    public const string Prod = "prod";

    public static IReadOnlyList<string> KnownStacks { get; } = [Dev, Prod];

    public static StackSettings For(string stack) => stack switch
    {
        Dev => new StackSettings
        {
            StackName = Dev,
            LambdaMemoryMb = 512,
            LambdaTimeoutSeconds = 60,
            LogRetentionDays = 14,
            ExpressMaxObjectBytes = PipelineWorkflowOptions.DefaultExpressMaxObjectBytes,
            MapMaxConcurrency = 4,
            TableDeletionProtection = false,
            Protect = false,
            RetainOnDelete = false,
            AlarmsEnabled = false,
            WorkExpirationDays = 1,
            ForceDestroyBuckets = true,
            KeyDeletionWindowDays = 7,
            EventRetryAttempts = 3,
            EventMaxAgeSeconds = 3_600,
        },
        Prod => new StackSettings
        {
            StackName = Prod,
            LambdaMemoryMb = 1024,
            LambdaTimeoutSeconds = 120,
            LogRetentionDays = 365,
            ExpressMaxObjectBytes = 5_242_880,
            MapMaxConcurrency = 16,
            TableDeletionProtection = true,
            Protect = true,
            RetainOnDelete = true,
            AlarmsEnabled = true,
            WorkExpirationDays = 7,
            ForceDestroyBuckets = false,
            KeyDeletionWindowDays = 30,
            EventRetryAttempts = 24,
            EventMaxAgeSeconds = 86_400,
        },
        _ => throw new ConfigException(
            $"Stack '{stack}' is not known: this program defines {string.Join(" and ", KnownStacks)}."),
    };
}
