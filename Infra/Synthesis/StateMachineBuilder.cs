using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;
using Pipeline.Workflows.Resources;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The Standard and the Express state machine, each rendered from the pipeline's definition for its variant. Each has
/// its own vended log group, role and policy; the policy is derived from the resources the definition uses (the
/// functions it invokes, the topic it publishes to, the machine it starts).
/// </summary>
public static class StateMachineBuilder
{
    /// <summary>How long Step Functions reuses a data key of the project key (Step Functions allows 60..900 s).</summary>
    public const int DataKeyReuseSeconds = 300;

    public static IEnumerable<Resource> Build(
        SynthesisContext context,
        Func<WorkflowVariant, StateMachineDefinition> definitions,
        IReadOnlyDictionary<string, LambdaFunction> functions,
        SnsTopic topic,
        S3Bucket ingest,
        KmsKey key)
    {
        var targets = new Dictionary<ResourceRef, Reference>();
        var machineArns = new Dictionary<string, Input>(StringComparer.Ordinal);

        // Standard first: the Express machine hands large objects over to it, so its definition names the Standard ARN.
        foreach (var kind in new[] { WorkflowVariant.Standard, WorkflowVariant.Express })
        {
            var definition = definitions(kind);
            var references = definition.GetResourceReferences();
            Bind(references, functions, topic, ingest, targets);
            var started = references.StateMachineIds.Select(id => machineArns.TryGetValue(id, out var arn)
                ? arn
                : throw new InvalidOperationException($"The {kind} workflow starts state machine '{id}', which the program does not deploy before it.")).ToList();
            var maps = definition.AllStates().OfType<MapState>().Where(map => map.IsDistributed).ToList();
            var resources = Machine(context, kind, DefinitionBinding.Render(definition, kind, targets), references, functions, topic, key, started, maps, ingest).ToList();
            var machine = resources.OfType<SfnStateMachine>().Single();
            if (kind == WorkflowVariant.Standard)
            {
                targets[ResourceRef.StateMachine(PipelineWorkflow.StandardMachineId)] = machine.ArnOutput;
                machineArns[PipelineWorkflow.StandardMachineId] = AwsAccount.StateMachineArn(machine.Name);
            }

            foreach (var resource in resources)
            {
                yield return resource;
            }
        }
    }

    private static void Bind(
        ResourceReferences references,
        IReadOnlyDictionary<string, LambdaFunction> functions,
        SnsTopic topic,
        S3Bucket ingest,
        Dictionary<ResourceRef, Reference> targets)
    {
        var unsupported = references.IntegrationArns.Except([IntegrationArns.LambdaInvoke, IntegrationArns.SnsPublish, IntegrationArns.StartExecution]).ToList();
        if (unsupported.Count > 0)
        {
            throw new InvalidOperationException(
                $"The workflow uses integrations the state machine role is not derived for: {string.Join(", ", unsupported)}.");
        }

        foreach (var id in references.FunctionIds)
        {
            targets[ResourceRef.Function(id)] = functions.TryGetValue(id, out var function)
                ? function.ArnOutput
                : throw new InvalidOperationException($"The workflow invokes function '{id}', which has no handler in the catalog.");
        }

        foreach (var id in references.BucketIds)
        {
            targets[ResourceRef.Bucket(id)] = id == PipelineWorkflow.IngestBucketId
                ? ingest.Output("bucket")
                : throw new InvalidOperationException($"The workflow uses bucket '{id}', which the program does not deploy.");
        }

        foreach (var id in references.TopicIds)
        {
            targets[ResourceRef.Topic(id)] = id == PipelineWorkflow.NotificationTopicId
                ? topic.ArnOutput
                : throw new InvalidOperationException($"The workflow publishes to topic '{id}', which the program does not deploy.");
        }
    }

    public static string LogicalName(WorkflowVariant kind) =>
        kind == WorkflowVariant.Express ? LogicalNames.ExpressMachine : LogicalNames.StandardMachine;

    private static IEnumerable<Resource> Machine(
        SynthesisContext context,
        WorkflowVariant kind,
        Input definition,
        ResourceReferences references,
        IReadOnlyDictionary<string, LambdaFunction> functions,
        SnsTopic topic,
        KmsKey key,
        IReadOnlyList<Input> startedMachineArns,
        IReadOnlyList<MapState> distributedMaps,
        S3Bucket ingest)
    {
        var logicalName = LogicalName(kind);
        var name = context.Naming.MachineName(kind);
        var logGroup = new CloudWatchLogGroup(LogicalNames.LogGroup(logicalName))
        {
            Name = context.Naming.MachineLogGroup(kind),
            RetentionInDays = context.Settings.LogRetentionDays,
            KmsKeyId = key.ArnOutput,
            Options = context.Stateful,
        };
        var role = new IamRole(LogicalNames.Role(logicalName))
        {
            Description = $"Runs the {kind} state machine of {context.Naming.Prefix}.",
            AssumeRolePolicy = Statements.Trust("states.amazonaws.com", AwsAccount.StateMachineArn(name)),
        };
        var policy = new IamRolePolicy(LogicalNames.RolePolicy(logicalName))
        {
            Role = role.IdOutput,
            Policy = new PolicyDocument(Permissions(references, functions, topic, key, AwsAccount.StateMachineArn(name), startedMachineArns, AwsAccount.LogGroupArn(logGroup.Name))
                .Concat(DistributedMapPermissions(name, distributedMaps, ingest, key)).ToList()),
        };

        yield return logGroup;
        yield return role;
        yield return policy;
        yield return new SfnStateMachine(logicalName)
        {
            Name = name,
            Type = kind == WorkflowVariant.Express ? "EXPRESS" : "STANDARD",
            Definition = definition,
            RoleArn = role.ArnOutput,
            LoggingConfiguration = new StateMachineLoggingConfiguration
            {
                LogDestination = Input.Of($"{logGroup.ArnOutput}:*"),
                Level = "ALL",
                // An Express machine keeps no execution history: its logs are the only record of a run.
                IncludeExecutionData = kind == WorkflowVariant.Express,
            },
            TracingConfiguration = new StateMachineTracingConfiguration { Enabled = true },
            EncryptionConfiguration = new StateMachineEncryptionConfiguration
            {
                Type = "CUSTOMER_MANAGED_KMS_KEY",
                KmsKeyId = key.ArnOutput,
                KmsDataKeyReusePeriodSeconds = DataKeyReuseSeconds,
            },
            Options = new ResourceOptions { DependsOn = [policy.LogicalName] },
        };
    }

    private static IEnumerable<PolicyStatement> Permissions(
        ResourceReferences references,
        IReadOnlyDictionary<string, LambdaFunction> functions,
        SnsTopic topic,
        KmsKey key,
        Input machineArn,
        IReadOnlyList<Input> startedMachineArns,
        Input logGroupArn)
    {
        // Starting an encrypted machine's execution encrypts its input under that machine's context.
        yield return ExecutionDataKey("UseKeyForExecutionData", key, [machineArn, .. startedMachineArns]);

        // Step Functions developer guide, "Data at rest encryption": with a customer managed key, the execution role
        // generates the data keys that encrypt the logs it delivers to the encrypted log group.
        yield return new PolicyStatement
        {
            Sid = "UseKeyForExecutionLogs",
            Actions = ["kms:GenerateDataKey"],
            Resources = [key.ArnOutput],
            Conditions = [PolicyCondition.StringEquals("kms:EncryptionContext:SourceArn", logGroupArn)],
        };

        if (references.FunctionIds.Length > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "InvokePipelineFunctions",
                Actions = ["lambda:InvokeFunction"],
                Resources = references.FunctionIds.Select(id => (Input)functions[id].ArnOutput).ToList(),
            };
        }

        if (startedMachineArns.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "HandOverToStandardMachine",
                Actions = ["states:StartExecution"],
                Resources = [.. startedMachineArns],
            };
        }

        if (references.TopicIds.Length > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "PublishNotifications",
                Actions = ["sns:Publish"],
                Resources = [topic.ArnOutput],
            };
            yield return new PolicyStatement
            {
                Sid = "UseKeyForNotifications",
                Actions = ["kms:GenerateDataKey", "kms:Decrypt"],
                Resources = [key.ArnOutput],
                Conditions = [PolicyCondition.StringEquals("kms:ViaService", AwsAccount.ViaService("sns"))],
            };
        }

        yield return PolicyStatement.ForWildcard(MandatedWildcards.LogDelivery);
        yield return PolicyStatement.ForWildcard(MandatedWildcards.XRayTracing);
    }

    /// <summary>
    /// What running a distributed Map takes (Step Functions developer guide, "IAM policies for using Distributed Map
    /// states"): starting the machine's own child executions, by an ARN built from its name; describing and stopping
    /// them (the Map Run's children are named <c>&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>); reading the items' object and
    /// writing the results, multipart uploads included, each scoped to where the definition says they are; and the key
    /// for those encrypted objects. A key given as a path is scoped to the staging root, where the pipeline keeps it.
    /// </summary>
    private static IEnumerable<PolicyStatement> DistributedMapPermissions(string machineName, IReadOnlyList<MapState> maps, S3Bucket ingest, KmsKey key)
    {
        if (maps.Count == 0)
        {
            yield break;
        }

        yield return new PolicyStatement
        {
            Sid = "StartMapChildExecutions",
            Actions = ["states:StartExecution"],
            Resources = [AwsAccount.StateMachineArn(machineName)],
        };
        yield return new PolicyStatement
        {
            Sid = "ManageMapChildExecutions",
            Actions = ["states:DescribeExecution", "states:StopExecution", "states:RedriveExecution"],
            Resources = [.. maps.Select(map => AwsAccount.ExecutionArn($"{machineName}/{map.Label ?? map.Name}:*")).Distinct()],
        };

        var readers = maps.Where(map => map.ItemReader is not null).Select(map => ObjectScope(map.ItemReader!.Parameters, "Key", ingest)).Distinct().ToList();
        if (readers.Count > 0)
        {
            yield return new PolicyStatement { Sid = "ReadMapItems", Actions = ["s3:GetObject"], Resources = readers };
        }

        var writers = maps.Where(map => map.ResultWriter is not null).Select(map => ObjectScope(map.ResultWriter!.Parameters, "Prefix", ingest)).Distinct().ToList();
        if (writers.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "WriteMapResults",
                Actions = ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                Resources = writers,
            };
        }

        if (readers.Count + writers.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "UseKeyForMapObjects",
                Actions = writers.Count > 0 ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
                Resources = [key.ArnOutput],
                Conditions = [PolicyCondition.StringEquals("kms:ViaService", AwsAccount.ViaService("s3"))],
            };
        }
    }

    /// <summary>The objects a reader's key or a writer's prefix names in the ingest bucket.</summary>
    private static Input ObjectScope(PayloadObject parameters, string field, S3Bucket ingest)
    {
        var bucket = parameters["Bucket"];
        if (bucket is not PayloadResource { Reference: { Kind: ResourceKind.Bucket, Id: PipelineWorkflow.IngestBucketId } })
        {
            throw new InvalidOperationException($"A distributed Map uses a bucket other than the ingest bucket ({bucket}); its role cannot be derived.");
        }

        return parameters[field] switch
        {
            PayloadText text when field == "Key" => Input.Of($"{ingest.ArnOutput}/{text.Value}"),
            PayloadText text => Input.Of($"{ingest.ArnOutput}/{text.Value.TrimEnd('/')}/*"),
            PayloadExpression => Input.Of($"{ingest.ArnOutput}/{Functions.Storage.StorageLayout.StagingRoot}*"),
            var other => throw new InvalidOperationException($"A distributed Map's {field} is {other}; its role cannot be derived."),
        };
    }

    /// <summary>
    /// What a principal that runs or starts executions of the machine needs of the project key (Step Functions developer
    /// guide, "Data at rest encryption"): Decrypt and GenerateDataKey, for this machine's encryption context only.
    /// </summary>
    public static PolicyStatement ExecutionDataKey(string sid, KmsKey key, params Input[] machineArns) => new()
    {
        Sid = sid,
        Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
        Resources = [key.ArnOutput],
        Conditions = [PolicyCondition.StringEquals("kms:EncryptionContext:aws:states:stateMachineArn", machineArns)],
    };
}
