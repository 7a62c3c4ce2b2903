using Pipeline.Functions.Contracts;

using static Pipeline.Infra.Tests.Policy.PolicyStacks;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>Proof the rules bite: each mutation breaks one rule, and exactly that rule reports it.</summary>
public class RuleMutationTests
{
    private const string Dev = "dev";
    private const string Prod = "prod";

    private static readonly string StorePolicy = FunctionPolicy(FunctionIds.Store);
    private static readonly string IngestPolicy = LogicalNames.IngestBucket + "Policy";

    public static IReadOnlyList<StackMutation> Mutations { get; } =
    [
        new("IAM4", "attach AWSLambdaBasicExecutionRole to the store role", Dev, stack => stack.Add(new IamRolePolicyAttachment("storeBasicExecution")
        {
            Role = stack[FunctionRole(FunctionIds.Store)].IdOutput,
            PolicyArn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        })),
        new("IAM5", "grant dynamodb:* on the table", Dev, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument(policy.Policy.Statements.Select(statement =>
                statement.Sid == "UseRecordsTable" ? statement with { Actions = ["dynamodb:*"] } : statement).ToList()),
        })),
        new("IAM5", "grant s3:GetObject on every object of the bucket", Dev, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument(policy.Policy.Statements.Select(statement =>
                statement.Sid == "ObjectsGetObject" ? statement with { Resources = [Input.Of($"{stack[LogicalNames.IngestBucket].ArnOutput}/*")] } : statement).ToList()),
        })),
        new("IAM-PASSROLE", "grant iam:PassRole on *", Dev, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument([.. policy.Policy.Statements, new PolicyStatement { Sid = "PassAnyRole", Actions = ["iam:PassRole"], Resources = ["*"] }]),
        })),
        new("IAM-TRUST", "trust Step Functions without source conditions", Dev, stack => stack.Replace<IamRole>(LogicalNames.Role(LogicalNames.StandardMachine), role => role with
        {
            AssumeRolePolicy = new PolicyDocument(role.AssumeRolePolicy.Statements.Select(statement => statement with { Conditions = [] }).ToList()),
        })),
        new("S1", "stop access logging of the ingest bucket", Dev, stack => stack.Remove(LogicalNames.IngestBucket + "Logging")),
        new("S2", "allow public bucket policies on the ingest bucket", Dev, stack => stack.Replace<S3BucketPublicAccessBlock>(LogicalNames.IngestBucket + "PublicAccessBlock",
            block => block with { BlockPublicPolicy = false })),
        new("S10", "drop the TLS-only statement of the ingest bucket policy", Dev, stack => stack.Replace<S3BucketPolicy>(IngestPolicy,
            policy => policy with { Policy = new PolicyDocument(policy.Policy.Statements.Where(statement => statement.Sid != "DenyInsecureTransport").ToList()) })),
        new("S3-KMS", "encrypt the ingest bucket with SSE-S3", Dev, stack => stack.Replace<S3BucketServerSideEncryptionConfiguration>(LogicalNames.IngestBucket + "Encryption",
            encryption => encryption with { Rules = [new ServerSideEncryptionRule { ApplyServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { SseAlgorithm = "AES256" } }] })),
        new("S3-VERSIONING", "suspend versioning of the ingest bucket", Dev, stack => stack.Replace<S3BucketVersioning>(LogicalNames.IngestBucket + "Versioning",
            versioning => versioning with { VersioningConfiguration = new VersioningConfiguration { Status = "Suspended" } })),
        new("DDB3", "turn point-in-time recovery off", Dev, stack => stack.Replace<DynamoDbTable>(LogicalNames.Table,
            table => table with { PointInTimeRecovery = new TablePointInTimeRecovery { Enabled = false } })),
        new("DDB-KMS", "drop the table's customer managed key", Dev, stack => stack.Replace<DynamoDbTable>(LogicalNames.Table,
            table => table with { ServerSideEncryption = new TableServerSideEncryption { Enabled = false } })),
        new("DDB-DELETION", "turn deletion protection off in prod", Prod, stack => stack.Replace<DynamoDbTable>(LogicalNames.Table,
            table => table with { DeletionProtectionEnabled = false })),
        new("SF1", "stop logging execution data of the Express machine", Dev, stack => stack.Replace<SfnStateMachine>(LogicalNames.ExpressMachine,
            machine => machine with { LoggingConfiguration = machine.LoggingConfiguration with { IncludeExecutionData = false } })),
        new("SF1", "log only errors of the Standard machine", Prod, stack => stack.Replace<SfnStateMachine>(LogicalNames.StandardMachine,
            machine => machine with { LoggingConfiguration = machine.LoggingConfiguration with { Level = "ERROR" } })),
        new("SF2", "turn X-Ray off on the Standard machine", Dev, stack => stack.Replace<SfnStateMachine>(LogicalNames.StandardMachine,
            machine => machine with { TracingConfiguration = new StateMachineTracingConfiguration { Enabled = false } })),
        new("SQS3", "add a work queue without a dead-letter queue", Dev, stack =>
        {
            var queue = new SqsQueue("workQueue") { KmsMasterKeyId = stack[LogicalNames.Key].ArnOutput, MessageRetentionSeconds = 345_600 };
            return stack.Add(queue, new SqsQueuePolicy("workQueuePolicy")
            {
                QueueUrl = queue.Output("url"),
                Policy = new PolicyDocument(Statements.DenyInsecureTransport("sqs:*", queue.ArnOutput)),
            });
        }),
        new("SQS4", "drop the TLS-only statement of the queue policy", Dev, stack => stack.Replace<SqsQueuePolicy>(LogicalNames.DeadLetterQueuePolicy,
            policy => policy with { Policy = new PolicyDocument(policy.Policy.Statements.Where(statement => statement.Effect == PolicyEffect.Allow).ToList()) })),
        new("SQS-KMS", "drop the queue's key", Dev, stack => stack.Replace<SqsQueue>(LogicalNames.DeadLetterQueue,
            queue => queue with { KmsMasterKeyId = null, KmsDataKeyReusePeriodSeconds = null })),
        new("SNS-KMS", "drop the topic's key", Dev, stack => stack.Replace<SnsTopic>(LogicalNames.Topic, topic => topic with { KmsMasterKeyId = null })),
        new("SNS3", "drop the TLS-only statement of the topic policy", Prod, stack => stack.Replace<SnsTopicPolicy>(LogicalNames.Topic + "Policy",
            policy => policy with { Policy = new PolicyDocument(policy.Policy.Statements.Where(statement => statement.Effect == PolicyEffect.Allow).ToList()) })),
        new("KMS5", "turn key rotation off", Prod, stack => stack.Replace<KmsKey>(LogicalNames.Key, key => key with { EnableKeyRotation = false })),
        new("IAM5", "grant kms:* to the EventBridge role in the key policy", Dev, stack => stack.Replace<KmsKey>(LogicalNames.Key, key => key with
        {
            Policy = new PolicyDocument([.. key.Policy.Statements, new PolicyStatement
            {
                Sid = "EventBridgeRoleOwnsKey",
                Principal = PolicyPrincipal.Aws(stack[LogicalNames.EventsRole].ArnOutput),
                Actions = ["kms:*"],
                Resources = ["*"],
                Wildcard = MandatedWildcards.KeyPolicySelf,
            }]),
        })),
        new("L1", "run the store function on dotnet8", Dev, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.Store),
            function => function with { Runtime = "dotnet8" })),
        new("L1", "run the store function on the Amazon Linux 2 OS-only runtime", Dev, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.Store),
            function => function with { Runtime = "provided.al2" })),
        new("L-PACKAGE", "run the store function on x86_64 with the arm64 package", Dev, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.Store),
            function => function with { Architectures = ["x86_64"] })),
        new("L-PACKAGE", "let Pulumi zip the publish folder for the transform function (no Unix modes)", Dev, stack => stack.Replace<LambdaFunction>(
            LogicalNames.Function(FunctionIds.Transform), function => function with { Code = new FileArchive("./Functions/bin/publish/linux-arm64") })),
        new("L-PACKAGE", "deploy the validate function from a zip whose bootstrap is not executable", Prod, stack => stack.Replace<LambdaFunction>(
            LogicalNames.Function(FunctionIds.Validate), function => function with { Code = new FileArchive(PackageCopies.WithBootstrapMode(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)) })),
        new("L-TRACING", "pass tracing through on the validate function", Dev, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.Validate),
            function => function with { TracingConfig = new FunctionTracingConfig { Mode = "PassThrough" } })),
        new("L-LIMITS", "leave the transform function at Lambda's default memory", Dev, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.Transform),
            function => function with { MemorySize = 128 })),
        new("L-LIMITS", "leave the load function at Lambda's default timeout", Prod, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.LoadBatch),
            function => function with { Timeout = 3 })),
        new("L-LOGS", "log the quarantine function to an undeclared group", Dev, stack => stack.Replace<LambdaFunction>(LogicalNames.Function(FunctionIds.Quarantine),
            function => function with { LoggingConfig = function.LoggingConfig with { LogGroup = "/aws/lambda/undeclared" } })),
        new("LOG1", "keep the store function's logs forever", Dev, stack => stack.Replace<CloudWatchLogGroup>(LogicalNames.LogGroup(LogicalNames.Function(FunctionIds.Store)),
            group => group with { RetentionInDays = 0 })),
        new("IAM5", "give S3 the key's kms:Encrypt* through its service statement", Prod, stack => stack.Replace<KmsKey>(LogicalNames.Key, key => key with
        {
            Policy = new PolicyDocument(key.Policy.Statements.Select(statement =>
                statement.Sid == "AccountUsesKeyThroughS3" ? statement with { Actions = [.. statement.Actions, "kms:Encrypt*"] } : statement).ToList()),
        })),
        new("DEPUTY", "let CloudWatch use the key for any account's alarms", Dev, stack => stack.Replace<KmsKey>(LogicalNames.Key, key => key with
        {
            Policy = new PolicyDocument(key.Policy.Statements.Select(statement =>
                statement.Sid == "CloudWatchAlarmsNotifyEncryptedTopic" ? statement with { Conditions = [] } : statement).ToList()),
        })),
        new("DEPUTY", "let S3 deliver access logs from another stack's bucket", Prod, stack => stack.Replace<S3BucketPolicy>(LogicalNames.LogBucket + "Policy", policy => policy with
        {
            Policy = new PolicyDocument(policy.Policy.Statements.Select(statement => statement.Principal?.Type != PolicyPrincipal.ServiceType ? statement : statement with
            {
                Conditions = statement.Conditions.Select(condition => condition.Key != "aws:SourceArn" ? condition
                    : condition with { Values = [.. condition.Values, "arn:aws:s3:::other-stack-*"] }).ToList(),
            }).ToList()),
        })),
        new("IAM-NAMES", "grant a misspelled action", Dev, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument([.. policy.Policy.Statements, new PolicyStatement
            {
                Sid = "Misspelled",
                Actions = ["s3:GetObjects"],
                Resources = [Input.Of($"{stack[LogicalNames.IngestBucket].ArnOutput}/staging/*")],
            }]),
        })),
        new("IAM-NAMES", "grant a table action on a bucket, which grants nothing", Prod, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument([.. policy.Policy.Statements, new PolicyStatement
            {
                Sid = "WrongResourceType",
                Actions = ["dynamodb:GetItem"],
                Resources = [stack[LogicalNames.IngestBucket].ArnOutput],
            }]),
        })),
        new("IAM-NAMES", "condition a statement on a key no action supports", Dev, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument([.. policy.Policy.Statements, new PolicyStatement
            {
                Sid = "UnknownConditionKey",
                Effect = PolicyEffect.Deny,
                Actions = ["dynamodb:DeleteTable"],
                Resources = [stack[LogicalNames.Table].ArnOutput],
                Conditions = [PolicyCondition.StringEquals("dynamodb:LeadingKey", "RECORD#1")],
            }]),
        })),
        new("REACH", "drop the DynamoDB key grant of the store role", Dev, stack => stack.Replace<IamRolePolicy>(StorePolicy, policy => policy with
        {
            Policy = new PolicyDocument(policy.Policy.Statements.Where(statement => statement.Sid != "UseKeyForRecordsTable").ToList()),
        })),
        new("REACH", "drop EventBridge's dead-letter grant from the key policy", Prod, stack => stack.Replace<KmsKey>(LogicalNames.Key, key => key with
        {
            Policy = new PolicyDocument(key.Policy.Statements.Where(statement => statement.Sid != "EventBridgeWritesDeadLetters").ToList()),
        })),
    ];

    public static IEnumerable<object[]> Cases => Mutations.Select(mutation => new object[] { mutation });

    [Theory]
    [MemberData(nameof(Cases))]
    public void MutationIsReportedByExactlyItsRule(StackMutation mutation)
    {
        var mutated = mutation.Apply(Stacks.Named(mutation.StackName));

        var report = PolicyEngine.Evaluate(mutated, DeploymentPackage.ProjectRoot);

        report.Unsuppressed.Select(finding => finding.RuleId).Distinct().Should().Equal([mutation.RuleId], mutation.Description);
        report.Passed.Should().BeFalse();
    }

    [Fact]
    public void EveryRuleHasAMutationThatBreaksIt()
    {
        Mutations.Select(mutation => mutation.RuleId).Distinct().Should().BeEquivalentTo(PolicyRules.All.Select(rule => rule.Id));
    }
}
