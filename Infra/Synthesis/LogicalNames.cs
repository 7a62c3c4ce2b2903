namespace Pipeline.Infra.Synthesis;

/// <summary>The logical names of the program's resources (also the TypeScript twin's variable names).</summary>
public static class LogicalNames
{
    public const string AccountId = "accountId";
    public const string Region = "region";

    public const string Key = "projectKey";
    public const string KeyAlias = "projectKeyAlias";

    public const string LogBucket = "accessLogBucket";
    public const string IngestBucket = "ingestBucket";

    public const string Table = "recordsTable";
    public const string DeadLetterQueue = "eventDeadLetterQueue";
    public const string DeadLetterQueuePolicy = "eventDeadLetterQueuePolicy";
    public const string Topic = "notificationTopic";
    public const string EmailSubscription = "notificationEmailSubscription";

    public const string StandardMachine = "standardStateMachine";
    public const string ExpressMachine = "expressStateMachine";

    public const string EventsRole = "eventBridgeRole";
    public const string EventsRolePolicy = "eventBridgeRolePolicy";
    public const string UploadRule = "uploadRule";
    public const string RunEndedRule = "runEndedRule";

    /// <summary><c>LoadBatch</c> becomes <c>loadBatchFunction</c>.</summary>
    public static string Function(string functionId) => Camel(functionId) + "Function";

    public static string Role(string owner) => owner + "Role";

    public static string RolePolicy(string owner) => owner + "RolePolicy";

    public static string LogGroup(string owner) => owner + "LogGroup";

    public static string Target(string rule) => rule.Replace("Rule", "Target", StringComparison.Ordinal);

    private static string Camel(string id) => char.ToLowerInvariant(id[0]) + id[1..];
}
