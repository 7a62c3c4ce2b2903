using System.Text.Json.Nodes;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Storage;
using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.DynamoDb;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;
using Pipeline.Workflows.Model;

namespace Pipeline.Infra.Policy.Access;

/// <summary>
/// What each role needs, derived from what uses it rather than from its policy: a function's role from the handler
/// catalog's declared access, a state machine's role from the Task resources of its (resolved) definition (the functions
/// it invokes, the topic it publishes to, the machine it starts), the EventBridge role from the targets that start
/// machines with it; plus the key use those imply and the mandated
/// wildcards that logging and tracing need.
/// </summary>
public static class RoleNeeds
{
    public static IReadOnlyDictionary<string, IReadOnlyList<AccessNeed>> For(PolicyContext context)
    {
        var needs = new Dictionary<string, List<AccessNeed>>(StringComparer.Ordinal);
        var resolver = context.Resolver;
        var stack = context.Stack;
        List<AccessNeed> Of(Input roleArn)
        {
            var role = stack.All<IamRole>().Single(candidate => resolver.Arn(candidate) == resolver.Resolve(roleArn)).LogicalName;
            return needs.TryGetValue(role, out var list) ? list : needs[role] = [];
        }

        var ingest = stack.All<S3Bucket>().Where(bucket => bucket.LogicalName == Synthesis.LogicalNames.IngestBucket).Select(resolver.Arn).SingleOrDefault();
        var table = stack.All<DynamoDbTable>().Select(resolver.Arn).SingleOrDefault();
        foreach (var function in stack.All<LambdaFunction>())
        {
            var list = Of(function.Role);
            var logGroup = stack.All<CloudWatchLogGroup>().Single(group => group.Name == resolver.Resolve(function.LoggingConfig.LogGroup));
            foreach (var action in new[] { "logs:CreateLogStream", "logs:PutLogEvents" })
            {
                list.Add(new(action, resolver.Arn(logGroup) + ":*", "writes the streams of its log group"));
            }

            var definition = HandlerCatalog.All.Single(candidate => candidate.Handler == function.Handler);
            foreach (var access in definition.Access)
            {
                var resource = access.Target == AccessTarget.RecordsTable ? table : $"{ingest}/{access.Prefix}*";
                list.AddRange(access.Actions.Select(action => new AccessNeed(action, resource!, access.Purpose)));
            }

            if (function.TracingConfig.Mode == "Active")
            {
                list.AddRange(MandatedWildcards.XRayTracing.Actions.Select(action => new AccessNeed(action, "*", "active tracing")));
            }
        }

        // Who starts each machine: the roles of the rules that target it and of the machines whose tasks start it.
        var roleTargets = stack.All<CloudWatchEventTarget>().Where(target => target.RoleArn is not null).ToList();
        var starters = roleTargets.Select(target => (Machine: resolver.Resolve(target.Arn), Role: Of(target.RoleArn!))).ToList();
        foreach (var machine in stack.All<SfnStateMachine>())
        {
            var list = Of(machine.RoleArn);
            var definition = JsonNode.Parse(resolver.Resolve(machine.Definition));
            list.AddRange(DistributedMapNeeds(machine.Name, definition));
            foreach (var task in Tasks(definition))
            {
                var resource = task["Resource"]?.GetValue<string>();
                var parameters = task["Parameters"];
                if (resource == IntegrationArns.LambdaInvoke)
                {
                    list.Add(new("lambda:InvokeFunction", parameters!["FunctionName"]!.GetValue<string>(), $"task {resource}"));
                }
                else if (resource == IntegrationArns.SnsPublish)
                {
                    list.Add(new("sns:Publish", parameters!["TopicArn"]!.GetValue<string>(), $"task {resource}"));
                }
                else if (resource == IntegrationArns.StartExecution)
                {
                    var started = parameters!["StateMachineArn"]!.GetValue<string>();
                    list.Add(new("states:StartExecution", started, $"task {resource}"));
                    starters.Add((started, list));
                }
                else
                {
                    list.Add(new("unknown", resource ?? "?", "a task resource the role derivation does not know"));
                }
            }

            list.AddRange(MandatedWildcards.LogDelivery.Actions.Select(action => new AccessNeed(action, "*", "execution logging")));
            if (machine.TracingConfiguration.Enabled)
            {
                list.AddRange(MandatedWildcards.XRayTracing.Actions.Select(action => new AccessNeed(action, "*", "X-Ray tracing")));
            }
        }

        // A target with a role starts a machine; one without (the run-ended rule's topic) is allowed by the topic's policy.
        foreach (var target in roleTargets)
        {
            Of(target.RoleArn!).Add(new("states:StartExecution", resolver.Resolve(target.Arn), "the rule starts the machine"));
        }

        var encrypted = AccessPaths.EncryptedResources(context).ToList();
        var keyArn = context.ProjectKey is null ? null : resolver.Arn(context.ProjectKey);

        // A machine encrypted with the project key: its role and whoever starts it use the key for its data, and its role
        // generates the data keys of its encrypted logs (Step Functions developer guide, "Data at rest encryption").
        foreach (var machine in stack.All<SfnStateMachine>().Where(machine => machine.EncryptionConfiguration is { } encryption && context.IsProjectKey(encryption.KmsKeyId)))
        {
            var machineArn = resolver.Arn(machine);
            var users = starters.Where(starter => starter.Machine == machineArn).Select(starter => starter.Role).Prepend(Of(machine.RoleArn));
            foreach (var list in users)
            {
                list.Add(new("kms:Decrypt", keyArn!, $"the encrypted data of {machine.Name}"));
                list.Add(new("kms:GenerateDataKey", keyArn!, $"the encrypted data of {machine.Name}"));
            }
        }

        foreach (var list in needs.Values)
        {
            var keyNeeds = (from need in list
                            from target in encrypted
                            where need.Resource.StartsWith(target.Arn, StringComparison.Ordinal)
                            from action in AccessPaths.KeyActions(target.Service, need.Action)
                            select new AccessNeed(action, keyArn!, $"{need.Action} on data encrypted with the project key")).ToList();
            list.AddRange(keyNeeds);
        }

        return needs.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<AccessNeed>)pair.Value.DistinctBy(need => need.Grant).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A distributed Map's child executions and objects (Step Functions developer guide, "IAM policies for using
    /// Distributed Map states"). A key given as a path is taken to lie under the staging root, where the pipeline keeps
    /// every object a workflow passes along.
    /// </summary>
    private static IEnumerable<AccessNeed> DistributedMapNeeds(string machineName, JsonNode? definition)
    {
        var region = InputResolver.Region;
        var account = InputResolver.Account;
        foreach (var (name, map) in States(definition).Where(state => state.State["ItemProcessor"]?["ProcessorConfig"]?["Mode"]?.GetValue<string>() == "DISTRIBUTED"))
        {
            yield return new("states:StartExecution", $"arn:aws:states:{region}:{account}:stateMachine:{machineName}", $"{name} starts child executions");
            var children = $"arn:aws:states:{region}:{account}:execution:{machineName}/{map["Label"]?.GetValue<string>() ?? name}:*";
            yield return new("states:DescribeExecution", children, $"{name} watches its children");
            yield return new("states:StopExecution", children, $"{name} stops its children when the Map Run fails");
            yield return new("states:RedriveExecution", children, $"a redrive of the execution redrives {name}'s Map Run, restarting its failed children");
            if (map["ItemReader"]?["Parameters"] is JsonObject reader)
            {
                yield return new("s3:GetObject", ObjectScope(reader, "Key"), $"{name} reads its items");
            }

            if (map["ResultWriter"]?["Parameters"] is JsonObject writer)
            {
                foreach (var action in new[] { "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts" })
                {
                    yield return new(action, ObjectScope(writer, "Prefix"), $"{name} writes its children's results");
                }
            }
        }
    }

    private static string ObjectScope(JsonObject parameters, string field)
    {
        var bucket = $"arn:aws:s3:::{parameters["Bucket"]!.GetValue<string>()}";
        return parameters[field] is JsonValue literal
            ? field == "Key" ? $"{bucket}/{literal.GetValue<string>()}" : $"{bucket}/{literal.GetValue<string>().TrimEnd('/')}/*"
            : $"{bucket}/{StorageLayout.StagingRoot}*";
    }

    private static IEnumerable<(string Name, JsonObject State)> States(JsonNode? node) => node switch
    {
        JsonObject graph when graph["States"] is JsonObject states => states
            .SelectMany(state => new[] { (state.Key, (JsonObject)state.Value!) }
                .Concat(((JsonObject)state.Value!).Where(member => member.Value is JsonObject).SelectMany(member => States(member.Value)))
                .Concat(((JsonObject)state.Value!)["Branches"] is JsonArray branches ? branches.SelectMany(States) : [])),
        _ => [],
    };

    private static IEnumerable<JsonObject> Tasks(JsonNode? node) => node switch
    {
        JsonObject state when state["Type"]?.GetValue<string>() == "Task" => [state],
        JsonObject other => other.SelectMany(member => Tasks(member.Value)),
        JsonArray array => array.SelectMany(Tasks),
        _ => [],
    };
}
