namespace Pipeline.Infra.Settings;

/// <summary>What differs between stacks. Defaults per stack live in <see cref="StackDefaults"/>.</summary>
public sealed record StackSettings
{
    public required string StackName { get; init; }

    public required int LambdaMemoryMb { get; init; }

    public required int LambdaTimeoutSeconds { get; init; }

    public required int LogRetentionDays { get; init; }

    /// <summary>Objects of this size or more are handed over from the Express machine to the Standard one.</summary>
    public required long ExpressMaxObjectBytes { get; init; }

    public required int MapMaxConcurrency { get; init; }

    /// <summary>Chunks that may fail in the Standard machine's distributed Map before its Map Run stops, in percent.</summary>
    public int MapToleratedFailurePercentage { get; init; }

    /// <summary>Records per chunk LoadBatch writes (its CHUNK_SIZE).</summary>
    public int ChunkSize { get; init; } = Functions.Configuration.LoadBatchSettings.DefaultChunkSize;

    /// <summary>The largest file LoadBatch reads in one invocation (its MAX_OBJECT_BYTES): a bound in time, not memory.</summary>
    public long LoadMaxObjectBytes { get; init; } = Functions.Configuration.LoadBatchSettings.DefaultMaxObjectBytes;

    public required bool TableDeletionProtection { get; init; }

    /// <summary>Applied to the stateful resources (key, buckets, table, log groups).</summary>
    public required bool Protect { get; init; }

    /// <summary>Applied to the stateful resources (key, buckets, table, log groups).</summary>
    public required bool RetainOnDelete { get; init; }

    /// <summary>Whether alarms notify the topic (the alarms exist in every stack).</summary>
    public required bool AlarmsEnabled { get; init; }

    public required int WorkExpirationDays { get; init; }

    public required bool ForceDestroyBuckets { get; init; }

    public required int KeyDeletionWindowDays { get; init; }

    public required int EventRetryAttempts { get; init; }

    public required int EventMaxAgeSeconds { get; init; }

    /// <summary>Prefix of every explicitly named resource: <c>pipeline-&lt;stack&gt;</c>.</summary>
    public string NamePrefix => $"pipeline-{StackName}";
}
