using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using static Pipeline.Infra.Tests.Policy.PolicyStacks;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>"Can role R do action A on resource X?", answered by the simulator over the synthesized dev stack.</summary>
public class AccessPolicyTests
{
    private static readonly PolicyContext Stack = Dev;
    private static readonly AccessSimulator Simulator = Stack.Simulator;
    private static readonly string Table = Stack.Arn(LogicalNames.Table);
    private static readonly string Key = Stack.Arn(LogicalNames.Key);
    private static readonly string Ingest = Stack.Arn(LogicalNames.IngestBucket);
    private static readonly string LogBucket = Stack.Arn(LogicalNames.LogBucket);
    private static readonly string Topic = Stack.Arn(LogicalNames.Topic);
    private static readonly string Queue = Stack.Arn(LogicalNames.DeadLetterQueue);
    private static readonly IReadOnlyList<string> AllRoles = [.. FunctionRoles, .. MachineRoles, LogicalNames.EventsRole];

    private static bool Can(string role, string action, string resource, IReadOnlyDictionary<string, string>? context = null) =>
        Simulator.RoleCan(role, action, resource, context).Allowed;

    [Fact]
    public void TheStandardMachinesDistributedMap_ReadsTheChunkList_WritesItsResults_AndManagesOnlyItsOwnChildren()
    {
        var role = LogicalNames.Role(LogicalNames.StandardMachine);
        var standard = Stack.Arn(LogicalNames.StandardMachine);
        var children = standard.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + "/ProcessChunks:7c1a9f4e";

        Can(role, "s3:GetObject", $"{Ingest}/staging/run-1/valid-chunks.jsonl").Should().BeTrue();
        Can(role, "s3:GetObject", $"{Ingest}/incoming/data.csv").Should().BeFalse("the Map reads only what the pipeline staged");
        foreach (var action in new[] { "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts" })
        {
            Can(role, action, $"{Ingest}/staging/chunk-results/7c1a9f4e/SUCCEEDED_0.json").Should().BeTrue(action);
            Can(role, action, $"{Ingest}/staging/run-1/valid/000000.ndjson").Should().BeFalse($"{action}: results go under their own prefix only");
        }

        Can(role, "s3:DeleteObject", $"{Ingest}/staging/chunk-results/7c1a9f4e/manifest.json").Should().BeFalse();
        Can(role, "kms:GenerateDataKey", Key, Via("s3")).Should().BeTrue("the result files are encrypted with the project key");
        Can(role, "states:DescribeExecution", children).Should().BeTrue();
        Can(role, "states:StopExecution", children).Should().BeTrue();
        Can(role, "states:StopExecution", standard.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":a-parent-execution").Should().BeFalse();
        Can(role, "states:RedriveExecution", children).Should().BeTrue("redriving the execution redrives its Map Run's failed children");
        Can(role, "states:RedriveExecution", standard.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":a-parent-execution")
            .Should().BeFalse("the machine does not redrive itself: an operator does");
        Can(LogicalNames.Role(LogicalNames.ExpressMachine), "s3:GetObject", $"{Ingest}/staging/run-1/valid-chunks.jsonl").Should().BeFalse("the Express machine's Map is inline");
    }

    [Fact]
    public void ValidateFunctionCannotWriteTheTable()
    {
        foreach (var action in new[] { "dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem" })
        {
            Can(FunctionRole(FunctionIds.Validate), action, Table).Should().BeFalse(action);
        }
    }

    [Fact]
    public void StoreFunctionCanWriteOnlyItsTable()
    {
        var store = FunctionRole(FunctionIds.Store);

        Can(store, "dynamodb:BatchWriteItem", Table).Should().BeTrue();
        Can(store, "dynamodb:UpdateItem", Table).Should().BeTrue();
        Can(store, "dynamodb:BatchWriteItem", Table.Replace("recordsTable", "otherTable", StringComparison.Ordinal)).Should().BeFalse();
        Can(store, "dynamodb:BatchWriteItem", Table + "/index/byDate").Should().BeFalse();
    }

    [Fact]
    public void StoreFunctionCannotDeleteItems()
    {
        Can(FunctionRole(FunctionIds.Store), "dynamodb:DeleteItem", Table).Should().BeFalse();
        Can(FunctionRole(FunctionIds.Store), "dynamodb:PutItem", Table).Should().BeFalse();
    }

    [Fact]
    public void NoFunctionCanReadTheTable()
    {
        foreach (var role in FunctionRoles)
        {
            Can(role, "dynamodb:GetItem", Table).Should().BeFalse(role);
            Can(role, "dynamodb:Scan", Table).Should().BeFalse(role);
        }
    }

    [Fact]
    public void StateMachineCanInvokeOnlyThePipelineFunctions()
    {
        foreach (var role in MachineRoles)
        {
            foreach (var function in HandlerCatalog.All)
            {
                Can(role, "lambda:InvokeFunction", Stack.Arn(LogicalNames.Function(function.Id))).Should().BeTrue($"{role} invokes {function.Id}");
            }

            Can(role, "lambda:InvokeFunction", $"arn:aws:lambda:{InputResolver.Region}:{InputResolver.Account}:function:other").Should().BeFalse();
            Can(role, "lambda:UpdateFunctionCode", Stack.Arn(LogicalNames.Function(FunctionIds.Store))).Should().BeFalse();
        }
    }

    [Fact]
    public void EventBridgeCanStartOnlyTheExpressMachine_WhichAloneCanStartTheStandardOne()
    {
        var standard = Stack.Arn(LogicalNames.StandardMachine);
        var express = Stack.Arn(LogicalNames.ExpressMachine);
        var expressRole = LogicalNames.Role(LogicalNames.ExpressMachine);

        Can(LogicalNames.EventsRole, "states:StartExecution", express).Should().BeTrue();
        Can(LogicalNames.EventsRole, "states:StartExecution", standard).Should().BeFalse();
        Can(LogicalNames.EventsRole, "states:StartExecution", express.Replace("express", "other", StringComparison.Ordinal)).Should().BeFalse();
        Can(LogicalNames.EventsRole, "states:StopExecution", express).Should().BeFalse();
        Can(expressRole, "states:StartExecution", standard).Should().BeTrue();
        Can(expressRole, "states:StartExecution", express).Should().BeFalse();
        Can(expressRole, "states:StopExecution", standard).Should().BeFalse();
        Can(LogicalNames.Role(LogicalNames.StandardMachine), "states:StartExecution", express).Should().BeFalse();
        Can(LogicalNames.Role(LogicalNames.StandardMachine), "states:StartExecution", standard).Should().BeTrue("its distributed Map starts child executions of it");
    }

    [Fact]
    public void NoRoleCanDeleteTheTableOrTheKey()
    {
        foreach (var role in AllRoles)
        {
            Can(role, "dynamodb:DeleteTable", Table).Should().BeFalse(role);
            Can(role, "kms:ScheduleKeyDeletion", Key).Should().BeFalse(role);
            Can(role, "kms:DisableKey", Key).Should().BeFalse(role);
            Can(role, "kms:PutKeyPolicy", Key).Should().BeFalse(role);
        }
    }

    [Fact]
    public void NoFunctionCanReadOutsideTheIngestBucket()
    {
        foreach (var role in FunctionRoles)
        {
            Can(role, "s3:GetObject", LogBucket + "/ingest/log").Should().BeFalse(role);
            Can(role, "s3:GetObject", "arn:aws:s3:::another-bucket/incoming/file.json").Should().BeFalse(role);
            Can(role, "s3:GetObject", Ingest + "/other/file.json").Should().BeFalse(role);
            Can(role, "s3:ListBucket", Ingest).Should().BeFalse(role);
        }
    }

    [Fact]
    public void OnlyQuarantineAndStoreCanWriteTheQuarantinePrefix_StoreForTheRecordsTheTableRefuses()
    {
        foreach (var role in AllRoles)
        {
            Can(role, "s3:PutObject", Ingest + "/quarantine/file.invalid.json")
                .Should().Be(role == FunctionRole(FunctionIds.Quarantine) || role == FunctionRole(FunctionIds.Store), role);
        }

        Can(FunctionRole(FunctionIds.Store), "s3:GetObject", Ingest + "/quarantine/file.invalid.json").Should().BeFalse("Store only adds to the quarantine");
    }

    [Fact]
    public void OnlyLoadBatchCanReadUploads()
    {
        foreach (var role in AllRoles)
        {
            Can(role, "s3:GetObject", Ingest + "/incoming/file.json").Should().Be(role == FunctionRole(FunctionIds.LoadBatch), role);
        }
    }

    [Fact]
    public void NoRoleCanWriteOrDeleteUploads()
    {
        foreach (var role in AllRoles)
        {
            Can(role, "s3:PutObject", Ingest + "/incoming/file.json").Should().BeFalse(role);
            Can(role, "s3:DeleteObject", Ingest + "/incoming/file.json").Should().BeFalse(role);
        }
    }

    [Fact]
    public void NoRoleCanDeleteObjectsOrChangeTheBucket()
    {
        foreach (var role in AllRoles)
        {
            Can(role, "s3:DeleteObject", Ingest + "/staging/run/chunks/000001.json").Should().BeFalse(role);
            Can(role, "s3:PutBucketPolicy", Ingest).Should().BeFalse(role);
            Can(role, "s3:PutEncryptionConfiguration", Ingest).Should().BeFalse(role);
        }
    }

    [Fact]
    public void FunctionsCannotInvokeFunctionsOrPublishNotifications()
    {
        foreach (var role in FunctionRoles)
        {
            Can(role, "lambda:InvokeFunction", Stack.Arn(LogicalNames.Function(FunctionIds.Store))).Should().BeFalse(role);
            Can(role, "sns:Publish", Topic).Should().BeFalse(role);
            Can(role, "states:StartExecution", Stack.Arn(LogicalNames.StandardMachine)).Should().BeFalse(role);
        }
    }

    [Fact]
    public void StateMachinesCannotTouchTheDataDirectly()
    {
        foreach (var role in MachineRoles)
        {
            Can(role, "s3:GetObject", Ingest + "/incoming/file.json").Should().BeFalse(role);
            Can(role, "dynamodb:BatchWriteItem", Table).Should().BeFalse(role);
            Can(role, "sqs:SendMessage", Queue).Should().BeFalse(role);
        }
    }

    [Fact]
    public void NoRoleCanPassARole()
    {
        foreach (var role in AllRoles)
        {
            foreach (var passed in AllRoles)
            {
                Can(role, "iam:PassRole", Simulator.RoleArn(passed)).Should().BeFalse($"{role} passing {passed}");
            }
        }
    }

    [Fact]
    public void EachFunctionWritesOnlyItsOwnLogGroup()
    {
        foreach (var function in HandlerCatalog.All)
        {
            foreach (var other in HandlerCatalog.All)
            {
                var stream = Stack.Arn(LogicalNames.LogGroup(LogicalNames.Function(other.Id))) + ":log-stream:2026/11/23/abc";
                Can(FunctionRole(function.Id), "logs:PutLogEvents", stream).Should().Be(function == other, $"{function.Id} writing {other.Id}'s logs");
            }
        }
    }

    [Fact]
    public void ActionNamesMatchWithoutCaseButResourcesWithCase()
    {
        var store = FunctionRole(FunctionIds.Store);

        Can(store, "DynamoDB:batchwriteitem", Table).Should().BeTrue();
        Can(store, "dynamodb:BatchWriteItem", Table.ToUpperInvariant()).Should().BeFalse();
    }

    [Fact]
    public void ExplicitDenyWinsOverAnAllow()
    {
        var load = FunctionRole(FunctionIds.LoadBatch);
        var upload = Ingest + "/incoming/file.json";

        Can(load, "s3:GetObject", upload, new Dictionary<string, string> { ["aws:SecureTransport"] = "true" }).Should().BeTrue();
        var decision = Simulator.RoleCan(load, "s3:GetObject", upload, new Dictionary<string, string> { ["aws:SecureTransport"] = "false" });

        decision.Allowed.Should().BeFalse();
        decision.Explanation.Should().Contain("DenyInsecureTransport");
    }

    [Fact]
    public void FunctionsUseTheKeyOnlyThroughTheServicesHoldingTheirData()
    {
        var load = FunctionRole(FunctionIds.LoadBatch);

        Can(load, "kms:Decrypt", Key, Via("s3")).Should().BeTrue();
        Can(load, "kms:Decrypt", Key).Should().BeFalse("a direct call carries no kms:ViaService");
        Can(load, "kms:Decrypt", Key, Via("sqs")).Should().BeFalse();
        Can(load, "kms:Encrypt", Key, Via("s3")).Should().BeFalse();
        Can(FunctionRole(FunctionIds.Store), "kms:Decrypt", Key, Via("dynamodb")).Should().BeTrue();
        Can(FunctionRole(FunctionIds.Validate), "kms:Decrypt", Key, Via("dynamodb")).Should().BeFalse();
    }

    [Fact]
    public void EventBridgeCanAssumeItsRoleOnlyForThePipelineRules()
    {
        var uploads = Stack.Arn(LogicalNames.UploadRule);

        Simulator.ServiceCanAssume("events.amazonaws.com", LogicalNames.EventsRole, From(uploads)).Allowed.Should().BeTrue();
        Simulator.ServiceCanAssume("events.amazonaws.com", LogicalNames.EventsRole, From(uploads.Replace("uploads", "other", StringComparison.Ordinal))).Allowed.Should().BeFalse();
        Simulator.ServiceCanAssume("events.amazonaws.com", LogicalNames.EventsRole, new Dictionary<string, string> { ["aws:SourceArn"] = uploads, ["aws:SourceAccount"] = "999999999999" }).Allowed.Should().BeFalse();
        Simulator.ServiceCanAssume("states.amazonaws.com", LogicalNames.EventsRole, From(uploads)).Allowed.Should().BeFalse();
    }

    [Fact]
    public void EachStateMachineRoleCanBeAssumedOnlyByItsMachine()
    {
        var standard = Stack.Arn(LogicalNames.StandardMachine);
        var express = Stack.Arn(LogicalNames.ExpressMachine);
        var role = LogicalNames.Role(LogicalNames.StandardMachine);

        Simulator.ServiceCanAssume("states.amazonaws.com", role, From(standard)).Allowed.Should().BeTrue();
        Simulator.ServiceCanAssume("states.amazonaws.com", role, From(express)).Allowed.Should().BeFalse();
        Simulator.ServiceCanAssume("lambda.amazonaws.com", role, From(standard)).Allowed.Should().BeFalse();
    }

    [Fact]
    public void OnlyThePipelineAlarmsCanPublishToTheTopic()
    {
        foreach (var alarm in Stack.Stack.All<Aws.CloudWatch.CloudWatchMetricAlarm>())
        {
            Simulator.ServiceCan("cloudwatch.amazonaws.com", "sns:Publish", Topic, From(Stack.Resolver.Arn(alarm))).Allowed.Should().BeTrue(alarm.Name);
        }

        Simulator.ServiceCan("cloudwatch.amazonaws.com", "sns:Publish", Topic, From($"arn:aws:cloudwatch:{InputResolver.Region}:{InputResolver.Account}:alarm:other")).Allowed.Should().BeFalse();
        Simulator.ServiceCan("events.amazonaws.com", "sns:Publish", Topic, From(Stack.Arn(LogicalNames.UploadRule))).Allowed.Should().BeFalse();
    }

    [Fact]
    public void OnlyThePipelineRulesCanSendToTheDeadLetterQueue()
    {
        Simulator.ServiceCan("events.amazonaws.com", "sqs:SendMessage", Queue, From(Stack.Arn(LogicalNames.UploadRule))).Allowed.Should().BeTrue();
        Simulator.ServiceCan("events.amazonaws.com", "sqs:SendMessage", Queue, From($"arn:aws:events:{InputResolver.Region}:{InputResolver.Account}:rule/other")).Allowed.Should().BeFalse();
        Simulator.ServiceCan("sns.amazonaws.com", "sqs:SendMessage", Queue, From(Topic)).Allowed.Should().BeFalse();
        Simulator.ServiceCan("events.amazonaws.com", "sqs:ReceiveMessage", Queue, From(Stack.Arn(LogicalNames.UploadRule))).Allowed.Should().BeFalse();
    }

    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:GetObjectVersion", true)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("S3:GETOBJECT", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("*", "dynamodb:DeleteTable", true)]
    public void ActionPatternsFollowIamWildcards(string pattern, string action, bool matches)
    {
        WildcardMatch.Action(pattern, action).Should().Be(matches);
    }

    [Theory]
    [InlineData("arn:aws:s3:::b/staging/*", "arn:aws:s3:::b/staging/run/chunk.json", true)]
    [InlineData("arn:aws:s3:::b/staging/*", "arn:aws:s3:::b/incoming/staging/x", false)]
    [InlineData("arn:aws:s3:::b/staging/*", "arn:aws:s3:::B/staging/x", false)]
    [InlineData("arn:aws:s3:::b/?ork/*", "arn:aws:s3:::b/fork/x", true)]
    [InlineData("arn:aws:s3:::b/*/x", "arn:aws:s3:::b/a/b/x", true)]
    public void ResourcePatternsFollowIamWildcards(string pattern, string resource, bool matches)
    {
        WildcardMatch.Resource(pattern, resource).Should().Be(matches);
    }
}
