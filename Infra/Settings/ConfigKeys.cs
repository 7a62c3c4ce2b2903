namespace Pipeline.Infra.Settings;

/// <summary>Every <c>pipeline:*</c> config key the program reads.</summary>
public static class ConfigKeys
{
    public const string Project = "pipeline";

    /// <summary>Secret; referenced as <c>${notificationEmail}</c> and never read by the compiler's output.</summary>
    public const string NotificationEmail = "notificationEmail";

    public static string Qualified(string name) => $"{Project}:{name}";

    /// <summary>The retention values CloudWatch Logs accepts.</summary>
    public static IReadOnlyList<long> LogRetentionValues { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static IReadOnlyList<ConfigSetting> Settings { get; } =
    [
        new IntegerSetting("lambdaMemoryMb", "memory of every function, in MB", 128, 10_240,
            s => s.LambdaMemoryMb, (s, v) => s with { LambdaMemoryMb = (int)v }),
        new IntegerSetting("lambdaTimeoutSeconds", "timeout of every function, in seconds", 1, 900,
            s => s.LambdaTimeoutSeconds, (s, v) => s with { LambdaTimeoutSeconds = (int)v }),
        new IntegerSetting("logRetentionDays", "retention of every log group, in days", 1, 3_653,
            s => s.LogRetentionDays, (s, v) => s with { LogRetentionDays = (int)v }, LogRetentionValues),
        // An Express execution ends at 5 minutes: a file of a gigabyte or more belongs on the Standard machine whatever the setting.
        new IntegerSetting("expressMaxObjectBytes", "objects of this size or more are handed over to the Standard machine", 1, 1_000_000_000,
            s => s.ExpressMaxObjectBytes, (s, v) => s with { ExpressMaxObjectBytes = v }),
        new IntegerSetting("mapMaxConcurrency", "parallel chunk transforms in the workflow's Map", 1, 1_000,
            s => s.MapMaxConcurrency, (s, v) => s with { MapMaxConcurrency = (int)v }),
        new IntegerSetting("chunkSize", "records per chunk that LoadBatch writes and each child execution stores", 1, 100_000,
            s => s.ChunkSize, (s, v) => s with { ChunkSize = (int)v }),
        new IntegerSetting("loadMaxObjectBytes", "the largest file LoadBatch reads within its timeout, in bytes (refused before any work beyond)", 1, Functions.Configuration.LoadBatchSettings.LargestMaxObjectBytes,
            s => s.LoadMaxObjectBytes, (s, v) => s with { LoadMaxObjectBytes = v }),
        new IntegerSetting("mapToleratedFailurePercentage", "chunks that may fail before the Standard machine's Map Run stops, in percent (the run still fails, naming them)", 0, 100,
            s => s.MapToleratedFailurePercentage, (s, v) => s with { MapToleratedFailurePercentage = (int)v }),
        new BooleanSetting("tableDeletionProtection", "DynamoDB deletion protection",
            s => s.TableDeletionProtection, (s, v) => s with { TableDeletionProtection = v }),
        new BooleanSetting("protect", "Pulumi protect on stateful resources",
            s => s.Protect, (s, v) => s with { Protect = v }),
        new BooleanSetting("retainOnDelete", "Pulumi retainOnDelete on stateful resources",
            s => s.RetainOnDelete, (s, v) => s with { RetainOnDelete = v }),
        new BooleanSetting("alarmsEnabled", "whether alarms notify the topic",
            s => s.AlarmsEnabled, (s, v) => s with { AlarmsEnabled = v }),
        new IntegerSetting("workExpirationDays", "days before staging/ chunk objects expire", 1, 365,
            s => s.WorkExpirationDays, (s, v) => s with { WorkExpirationDays = (int)v }),
        new BooleanSetting("forceDestroyBuckets", "let pulumi destroy delete non-empty buckets",
            s => s.ForceDestroyBuckets, (s, v) => s with { ForceDestroyBuckets = v }),
        new IntegerSetting("keyDeletionWindowDays", "KMS key deletion window, in days", 7, 30,
            s => s.KeyDeletionWindowDays, (s, v) => s with { KeyDeletionWindowDays = (int)v }),
        new IntegerSetting("eventRetryAttempts", "EventBridge target retry attempts", 0, 185,
            s => s.EventRetryAttempts, (s, v) => s with { EventRetryAttempts = (int)v }),
        new IntegerSetting("eventMaxAgeSeconds", "EventBridge target maximum event age, in seconds", 60, 86_400,
            s => s.EventMaxAgeSeconds, (s, v) => s with { EventMaxAgeSeconds = (int)v }),
    ];
}
