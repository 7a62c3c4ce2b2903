using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using static Pipeline.Infra.Tests.Policy.PolicyStacks;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>Every principal that writes or reads a KMS-encrypted resource is allowed by IAM (where a role is involved) and by the key policy.</summary>
public class KeyReachabilityTests
{
    private static readonly PolicyContext Stack = Dev;
    private static readonly AccessSimulator Simulator = Stack.Simulator;
    private static readonly string Key = Stack.Arn(LogicalNames.Key);
    private static readonly string Topic = Stack.Arn(LogicalNames.Topic);
    private static readonly string Queue = Stack.Arn(LogicalNames.DeadLetterQueue);
    private static readonly string[] WriteAndRead = ["kms:GenerateDataKey", "kms:Decrypt"];

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryAccessPathIsAllowedEndToEnd(string stackName)
    {
        var context = Named(stackName);
        var paths = AccessPaths.For(context);

        paths.Where(path => path.Action.StartsWith("kms:", StringComparison.Ordinal)).Should().HaveCountGreaterThan(20);
        paths.Where(path => !path.Evaluate(context.Simulator).Allowed).Should().BeEmpty();
    }

    [Fact]
    public void StateMachineCanPublishToTheEncryptedTopic()
    {
        foreach (var role in MachineRoles)
        {
            Simulator.RoleCan(role, "sns:Publish", Topic).Allowed.Should().BeTrue(role);
            foreach (var action in WriteAndRead)
            {
                Simulator.RoleCan(role, action, Key, Via("sns")).Allowed.Should().BeTrue($"{role} {action}");
            }
        }
    }

    [Fact]
    public void AlarmsCanNotifyTheEncryptedTopic()
    {
        foreach (var alarm in Stack.Stack.All<CloudWatchMetricAlarm>())
        {
            var source = From(Stack.Resolver.Arn(alarm));
            alarm.AlarmActions.Select(Stack.Resolver.Resolve).Should().Equal(Topic);
            Simulator.ServiceCan("cloudwatch.amazonaws.com", "sns:Publish", Topic, source).Allowed.Should().BeTrue(alarm.Name);
            foreach (var action in WriteAndRead)
            {
                Simulator.ServiceCan("cloudwatch.amazonaws.com", action, Key, source).Allowed.Should().BeTrue($"{alarm.Name} {action}");
            }
        }
    }

    [Fact]
    public void EventBridgeCanSendFailedEventsToTheEncryptedDlq_AndUseTheKeyForNoOtherQueue()
    {
        var throughSqs = new Dictionary<string, string>(Via("sqs")) { ["kms:EncryptionContext:aws:sqs:arn"] = Queue };
        Simulator.ServiceCan("events.amazonaws.com", "sqs:SendMessage", Queue, From(Stack.Arn(LogicalNames.UploadRule))).Allowed.Should().BeTrue();

        foreach (var action in WriteAndRead)
        {
            Simulator.ServiceCan("events.amazonaws.com", action, Key, throughSqs).Allowed.Should().BeTrue(action);
        }

        var otherQueue = new Dictionary<string, string>(throughSqs) { ["kms:EncryptionContext:aws:sqs:arn"] = $"arn:aws:sqs:{InputResolver.Region}:{InputResolver.Account}:other" };
        Simulator.ServiceCan("events.amazonaws.com", "kms:GenerateDataKey", Key, otherQueue).Allowed.Should().BeFalse();
        Simulator.ServiceCan("events.amazonaws.com", "kms:GenerateDataKey", Key, From(Stack.Arn(LogicalNames.UploadRule))).Allowed
            .Should().BeFalse("aws:SourceArn does not reach KMS through SQS: only SQS's own context counts");
    }

    [Fact]
    public void TheRunEndedRuleCanNotifyTheEncryptedTopic_AndNoOtherRuleCan()
    {
        var runEnded = From(Stack.Arn(LogicalNames.RunEndedRule));
        var upload = From(Stack.Arn(LogicalNames.UploadRule));

        Simulator.ServiceCan("events.amazonaws.com", "sns:Publish", Topic, runEnded).Allowed.Should().BeTrue();
        foreach (var action in WriteAndRead)
        {
            Simulator.ServiceCan("events.amazonaws.com", action, Key, runEnded).Allowed.Should().BeTrue(action);
        }

        Simulator.ServiceCan("events.amazonaws.com", "sns:Publish", Topic, upload).Allowed.Should().BeFalse("the upload rule starts a machine; it does not notify");
        Simulator.ServiceCan("events.amazonaws.com", "kms:GenerateDataKey", Key, upload).Allowed.Should().BeFalse();
        Simulator.ServiceCan("events.amazonaws.com", "sqs:SendMessage", Queue, runEnded).Allowed.Should().BeTrue("its undeliverable events go to the dead-letter queue");
    }

    [Fact]
    public void LoadFunctionCanReadSseKmsObjects()
    {
        var load = FunctionRole(FunctionIds.LoadBatch);

        Simulator.RoleCan(load, "s3:GetObject", Stack.Arn(LogicalNames.IngestBucket) + "/incoming/file.csv").Allowed.Should().BeTrue();
        Simulator.RoleCan(load, "kms:Decrypt", Key, Via("s3")).Allowed.Should().BeTrue();
        Simulator.RoleCan(load, "kms:GenerateDataKey", Key, Via("s3")).Allowed.Should().BeTrue("it writes the work chunks");
    }

    [Fact]
    public void StoreFunctionCanWriteTheCmkTable()
    {
        var store = FunctionRole(FunctionIds.Store);

        Simulator.RoleCan(store, "dynamodb:BatchWriteItem", Stack.Arn(LogicalNames.Table)).Allowed.Should().BeTrue();
        foreach (var action in WriteAndRead)
        {
            var decision = Simulator.RoleCan(store, action, Key, Via("dynamodb"));
            decision.Allowed.Should().BeTrue(decision.Explanation);
            decision.Explanation.Should().Contain("AccountUsesKeyThroughDynamoDb").And.Contain("UseKeyForRecordsTable");
        }
    }

    [Fact]
    public void LogsServiceCanWriteTheEncryptedLogGroups()
    {
        var logs = $"logs.{InputResolver.Region}.amazonaws.com";
        var groups = Stack.Stack.All<CloudWatchLogGroup>().ToList();

        groups.Should().HaveCount(HandlerCatalog.All.Count + 2);
        foreach (var group in groups)
        {
            var context = new Dictionary<string, string> { ["kms:EncryptionContext:aws:logs:arn"] = Stack.Resolver.Arn(group) };
            foreach (var action in WriteAndRead)
            {
                Simulator.ServiceCan(logs, action, Key, context).Allowed.Should().BeTrue($"{group.Name} {action}");
            }
        }

        var foreign = new Dictionary<string, string> { ["kms:EncryptionContext:aws:logs:arn"] = $"arn:aws:logs:{InputResolver.Region}:{InputResolver.Account}:log-group:/other" };
        Simulator.ServiceCan(logs, "kms:GenerateDataKey", Key, foreign).Allowed.Should().BeFalse();
    }

    [Fact]
    public void StateMachineCanDeliverLogs()
    {
        foreach (var role in MachineRoles)
        {
            foreach (var action in MandatedWildcards.LogDelivery.Actions)
            {
                Simulator.RoleCan(role, action, "*").Allowed.Should().BeTrue($"{role} {action}");
            }
        }

        foreach (var machine in Stack.Stack.All<SfnStateMachine>())
        {
            var group = Stack.Resolver.Resolve(machine.LoggingConfiguration.LogDestination)[..^2];
            Simulator.ServiceCan($"logs.{InputResolver.Region}.amazonaws.com", "kms:GenerateDataKey", Key,
                new Dictionary<string, string> { ["kms:EncryptionContext:aws:logs:arn"] = group }).Allowed.Should().BeTrue(machine.Name);
        }
    }

    [Fact]
    public void EventBridgeCanStartTheExpressMachine()
    {
        var starters = Stack.Stack.All<CloudWatchEventTarget>().Where(target => target.RoleArn is not null).ToList();
        foreach (var target in starters)
        {
            var rule = Stack.Stack.All<CloudWatchEventRule>().Single(candidate => Stack.Resolver.Resolve(candidate.Output("name")) == Stack.Resolver.Resolve(target.Rule));
            Simulator.ServiceCanAssume("events.amazonaws.com", LogicalNames.EventsRole, From(Stack.Resolver.Arn(rule))).Allowed.Should().BeTrue(rule.Name);
            Simulator.RoleCan(LogicalNames.EventsRole, "states:StartExecution", Stack.Resolver.Resolve(target.Arn)).Allowed.Should().BeTrue(rule.Name);
        }

        starters.Select(target => Stack.Resolver.Resolve(target.Arn)).Should().Equal(Stack.Arn(LogicalNames.ExpressMachine));
    }

    [Fact]
    public void S3CanDeliverAccessLogsOnlyForTheIngestBucket()
    {
        var logs = Stack.Arn(LogicalNames.LogBucket) + "/ingest/2026-11-23-access.log";

        Simulator.ServiceCan("logging.s3.amazonaws.com", "s3:PutObject", logs, From(Stack.Arn(LogicalNames.IngestBucket))).Allowed.Should().BeTrue();
        Simulator.ServiceCan("logging.s3.amazonaws.com", "s3:PutObject", logs, From("arn:aws:s3:::another-bucket")).Allowed.Should().BeFalse();
    }

    [Fact]
    public void MissingIamKeyGrantIsReportedWithPrincipalResourceAndAction()
    {
        var stack = Stacks.Dev.Replace<IamRolePolicy>(FunctionPolicy(FunctionIds.Store), policy => policy with
        {
            Policy = new PolicyDocument(policy.Policy.Statements.Where(statement => statement.Sid != "UseKeyForRecordsTable").ToList()),
        });

        var findings = PolicyEngine.Evaluate(stack, DeploymentPackage.ProjectRoot).Unsuppressed;

        findings.Should().NotBeEmpty().And.AllSatisfy(finding => (finding.RuleId, finding.Resource).Should().Be(("REACH", LogicalNames.Table), finding.Message));
        findings.Should().Contain(finding => finding.Message.StartsWith($"{FunctionRole(FunctionIds.Store)} cannot kms:GenerateDataKey on {Key}", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingKeyPolicyGrantForAServiceIsReported()
    {
        var stack = Stacks.Dev.Replace<KmsKey>(LogicalNames.Key, key => key with
        {
            Policy = new PolicyDocument(key.Policy.Statements.Where(statement => statement.Sid != "CloudWatchAlarmsNotifyEncryptedTopic").ToList()),
        });

        var findings = PolicyEngine.Evaluate(stack, DeploymentPackage.ProjectRoot).Unsuppressed;

        findings.Should().NotBeEmpty().And.AllSatisfy(finding => (finding.RuleId, finding.Resource).Should().Be(("REACH", LogicalNames.Topic), finding.Message));
        findings.Should().Contain(finding => finding.Message.StartsWith($"cloudwatch.amazonaws.com cannot kms:GenerateDataKey on {Key}", StringComparison.Ordinal)
            && finding.Message.Contains("key policy does not allow", StringComparison.Ordinal));
    }
}
