using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.DynamoDb;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Policy.Access;

/// <summary>
/// Every call the deployed pipeline depends on, read from how the stack is wired: services assuming roles, roles
/// using what they are granted, and, for each use of an encrypted resource, the KMS call the storing service makes
/// on the caller's behalf (<c>kms:GenerateDataKey</c> to write, <c>kms:Decrypt</c> to read); EventBridge
/// delivering to the dead-letter queue, alarms notifying the topic, CloudWatch Logs encrypting log groups and S3
/// delivering access logs.
/// </summary>
public static class AccessPaths
{
    public static IReadOnlyList<AccessPath> For(PolicyContext context)
    {
        var paths = new List<AccessPath>();
        var resolver = context.Resolver;
        var stack = context.Stack;
        var keyArn = context.ProjectKey is null ? null : resolver.Arn(context.ProjectKey);
        var encrypted = EncryptedResources(context).ToList();

        foreach (var role in stack.All<IamRole>())
        {
            var arn = resolver.Arn(role);
            var service = role.AssumeRolePolicy.Statements.SelectMany(statement => statement.Principal?.Identifiers ?? []).Select(resolver.Resolve).FirstOrDefault();
            if (service is not null)
            {
                foreach (var source in SourceArns(context, arn))
                {
                    paths.Add(new(AccessPathKind.AssumeRole, service, "sts:AssumeRole", arn, role.LogicalName, Source(source)));
                }
            }

            foreach (var statement in context.Simulator.IdentityStatements[role.LogicalName].Where(statement => statement.Effect == PolicyEffect.Allow))
            {
                foreach (var action in statement.Actions.Where(action => !action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase)))
                {
                    foreach (var resource in statement.Resources)
                    {
                        var target = encrypted.FirstOrDefault(candidate => resource.StartsWith(candidate.Arn, StringComparison.Ordinal));
                        var example = resource.Replace("*", "example", StringComparison.Ordinal);
                        paths.Add(new(AccessPathKind.Role, role.LogicalName, action, example, target.Name ?? role.LogicalName, Empty));
                        if (target.Name is not null && keyArn is not null)
                        {
                            foreach (var keyAction in KeyActions(target.Service, action))
                            {
                                paths.Add(new(AccessPathKind.Role, role.LogicalName, keyAction, keyArn, target.Name, ViaService(target.Service, target.Arn)));
                            }
                        }
                    }
                }
            }
        }

        foreach (var target in stack.All<CloudWatchEventTarget>())
        {
            var rule = Referenced(context, target.Rule);
            var queueArn = resolver.Resolve(target.DeadLetterConfig.Arn);
            var queue = stack.All<SqsQueue>().FirstOrDefault(candidate => resolver.Arn(candidate) == queueArn);
            var source = Source(resolver.Arn(rule));
            paths.Add(new(AccessPathKind.Service, "events.amazonaws.com", "sqs:SendMessage", queueArn, queue?.LogicalName ?? queueArn, source));
            if (queue is not null && context.IsProjectKey(queue.KmsMasterKeyId))
            {
                // SQS, not EventBridge, calls KMS: the request carries SQS's service and encryption context, not the rule.
                paths.AddRange(WriteKey(keyArn!, "events.amazonaws.com", queue.LogicalName, ViaService("sqs", queueArn)));
            }
        }

        foreach (var alarm in stack.All<CloudWatchMetricAlarm>())
        {
            foreach (var topicArn in alarm.AlarmActions.Select(resolver.Resolve))
            {
                var topic = stack.All<SnsTopic>().FirstOrDefault(candidate => resolver.Arn(candidate) == topicArn);
                var source = Source(resolver.Arn(alarm));
                paths.Add(new(AccessPathKind.Service, "cloudwatch.amazonaws.com", "sns:Publish", topicArn, topic?.LogicalName ?? topicArn, source));
                if (topic is not null && context.IsProjectKey(topic.KmsMasterKeyId))
                {
                    paths.AddRange(WriteKey(keyArn!, "cloudwatch.amazonaws.com", topic.LogicalName, source));
                }
            }
        }

        foreach (var group in stack.All<CloudWatchLogGroup>().Where(group => context.IsProjectKey(group.KmsKeyId)))
        {
            paths.AddRange(WriteKey(keyArn!, $"logs.{InputResolver.Region}.amazonaws.com", group.LogicalName,
                new Dictionary<string, string> { ["kms:EncryptionContext:aws:logs:arn"] = resolver.Arn(group) }));
        }

        foreach (var machine in stack.All<SfnStateMachine>().Where(machine => machine.EncryptionConfiguration is { } encryption && context.IsProjectKey(encryption.KmsKeyId)))
        {
            paths.AddRange(ExecutionDataPaths(context, machine, keyArn!));
        }

        foreach (var logging in stack.All<S3BucketLogging>())
        {
            var source = Referenced(context, logging.Bucket);
            var target = Referenced(context, logging.TargetBucket);
            paths.Add(new(AccessPathKind.Service, "logging.s3.amazonaws.com", "s3:PutObject",
                $"{resolver.Arn(target)}/{logging.TargetPrefix}example", target.LogicalName, Source(resolver.Arn(source))));
        }

        return paths;
    }

    /// <summary>A path that failed, as a finding naming the principal, the resource and the missing action.</summary>
    public static IEnumerable<Finding> Failures(PolicyContext context, string ruleId) =>
        from path in For(context)
        let decision = path.Evaluate(context.Simulator)
        where !decision.Allowed
        select new Finding(ruleId, path.Resource, $"{path.Principal} cannot {path.Action} on {path.ResourceArn}: {decision.Explanation}") into finding
        group finding by finding into distinct
        select distinct.Key;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static Dictionary<string, string> Source(string sourceArn) => new()
    {
        ["aws:SourceArn"] = sourceArn,
        ["aws:SourceAccount"] = InputResolver.Account,
    };

    /// <summary>
    /// The KMS calls of an encrypted machine (Step Functions developer guide, "Data at rest encryption"): its execution
    /// role and every role allowed to start it use the key through Step Functions under the machine's encryption context;
    /// the execution role generates the data keys of the logs it delivers, which CloudWatch Logs' delivery decrypts.
    /// </summary>
    private static IEnumerable<AccessPath> ExecutionDataPaths(PolicyContext context, SfnStateMachine machine, string keyArn)
    {
        var resolver = context.Resolver;
        var machineArn = resolver.Arn(machine);
        var executionContext = new Dictionary<string, string>
        {
            ["kms:ViaService"] = $"states.{InputResolver.Region}.amazonaws.com",
            ["kms:EncryptionContext:aws:states:stateMachineArn"] = machineArn,
        };
        var executionRole = context.Stack.All<IamRole>().Single(role => resolver.Arn(role) == resolver.Resolve(machine.RoleArn)).LogicalName;
        var starters = context.Simulator.IdentityStatements
            .Where(role => role.Value.Any(statement => statement.Effect == PolicyEffect.Allow && statement.Actions.Contains("states:StartExecution") && statement.Resources.Contains(machineArn)))
            .Select(role => role.Key);
        foreach (var role in starters.Prepend(executionRole).Distinct())
        {
            foreach (var action in new[] { "kms:GenerateDataKey", "kms:Decrypt" })
            {
                yield return new AccessPath(AccessPathKind.Role, role, action, keyArn, machine.LogicalName, executionContext);
            }
        }

        var logGroupArn = resolver.Resolve(machine.LoggingConfiguration.LogDestination)[..^2];
        yield return new AccessPath(AccessPathKind.Role, executionRole, "kms:GenerateDataKey", keyArn, machine.LogicalName,
            new Dictionary<string, string> { ["kms:EncryptionContext:SourceArn"] = logGroupArn });
        yield return new AccessPath(AccessPathKind.Service, "delivery.logs.amazonaws.com", "kms:Decrypt", keyArn, machine.LogicalName, Source(logGroupArn));
    }

    /// <summary>The request context of a KMS call a storing service makes: the service, and its encryption context naming the resource.</summary>
    private static Dictionary<string, string> ViaService(string service, string resourceArn)
    {
        var request = new Dictionary<string, string> { ["kms:ViaService"] = $"{service}.{InputResolver.Region}.amazonaws.com" };
        if (service == "sqs")
        {
            request["kms:EncryptionContext:aws:sqs:arn"] = resourceArn;
        }

        return request;
    }

    private static IEnumerable<AccessPath> WriteKey(string keyArn, string service, string resource, IReadOnlyDictionary<string, string> context) =>
        new[] { "kms:GenerateDataKey", "kms:Decrypt" }.Select(action => new AccessPath(AccessPathKind.Service, service, action, keyArn, resource, context));

    /// <summary>The KMS calls a storing service makes when a caller uses <paramref name="action"/> on its encrypted data.</summary>
    public static IEnumerable<string> KeyActions(string service, string action)
    {
        var verb = action.Split(':')[1];
        var writes = service switch
        {
            "s3" => verb.StartsWith("Put", StringComparison.Ordinal),
            "dynamodb" => verb is "PutItem" or "BatchWriteItem" or "UpdateItem" or "DeleteItem" or "TransactWriteItems",
            _ => verb is "Publish" or "SendMessage",
        };
        if (writes)
        {
            yield return "kms:GenerateDataKey";
        }

        // DynamoDB, SNS and SQS decrypt the data key on every use; S3 only to read (or to finish multipart uploads).
        if (!writes || service != "s3")
        {
            yield return "kms:Decrypt";
        }
    }

    internal static IEnumerable<(string? Name, string Arn, string Service)> EncryptedResources(PolicyContext context)
    {
        var resolver = context.Resolver;
        foreach (var encryption in context.Stack.All<S3BucketServerSideEncryptionConfiguration>())
        {
            if (encryption.Rules.Any(rule => rule.ApplyServerSideEncryptionByDefault.SseAlgorithm == "aws:kms" && context.IsProjectKey(rule.ApplyServerSideEncryptionByDefault.KmsMasterKeyId))
                && encryption.Bucket is Reference reference)
            {
                yield return (reference.Target, resolver.Arn(context.Stack[reference.Target]) + "/", "s3");
            }
        }

        foreach (var table in context.Stack.All<DynamoDbTable>().Where(table => table.ServerSideEncryption.Enabled && context.IsProjectKey(table.ServerSideEncryption.KmsKeyArn)))
        {
            yield return (table.LogicalName, resolver.Arn(table), "dynamodb");
        }

        foreach (var topic in context.Stack.All<SnsTopic>().Where(topic => context.IsProjectKey(topic.KmsMasterKeyId)))
        {
            yield return (topic.LogicalName, resolver.Arn(topic), "sns");
        }

        foreach (var queue in context.Stack.All<SqsQueue>().Where(queue => context.IsProjectKey(queue.KmsMasterKeyId)))
        {
            yield return (queue.LogicalName, resolver.Arn(queue), "sqs");
        }
    }

    /// <summary>The ARNs on whose behalf a service assumes the role: the functions, machines or rules that use it.</summary>
    private static IEnumerable<string> SourceArns(PolicyContext context, string roleArn)
    {
        var resolver = context.Resolver;
        return context.Stack.All<LambdaFunction>().Where(function => resolver.Resolve(function.Role) == roleArn).Select(resolver.Arn)
            .Concat(context.Stack.All<SfnStateMachine>().Where(machine => resolver.Resolve(machine.RoleArn) == roleArn).Select(resolver.Arn))
            .Concat(context.Stack.All<CloudWatchEventTarget>().Where(target => target.RoleArn is { } role && resolver.Resolve(role) == roleArn)
                .Select(target => resolver.Arn(Referenced(context, target.Rule))))
            .Distinct();
    }

    /// <summary>The resource <paramref name="input"/> refers to (the bucket of a logging block, the rule of a target).</summary>
    private static Resource Referenced(PolicyContext context, Input input) =>
        context.Stack.Resources.Single(resource => input is Reference reference && reference.Target == resource.LogicalName);
}
