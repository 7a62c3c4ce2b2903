using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Packaging;
using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.DynamoDb;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// One Lambda function per handler of the <see cref="HandlerCatalog"/>, each with its own log group, role and
/// inline policy. The policy is the handler's declared access with exact ARNs (objects under the declared
/// prefix, the table), plus the key use those imply and the X-Ray wildcard active tracing needs.
/// </summary>
public static class FunctionBuilder
{
    /// <summary>The OS-only runtime: the package's <c>bootstrap</c> is the functions' own Native AOT executable.</summary>
    public const string Runtime = "provided.al2023";

    public const string Architecture = FunctionPackage.DeployedArchitecture;

    /// <summary>
    /// The deployment package of <see cref="Architecture"/>, relative to the project root: a zip, uploaded byte for byte
    /// with its Unix modes (the compiler command in Pulumi.yaml builds it first, see <see cref="FunctionPackage"/>).
    /// </summary>
    public static string CodePath { get; } = "./" + FunctionPackage.ArchivePath(Architecture);

    public static IEnumerable<Resource> Build(SynthesisContext context, FunctionDefinition function, KmsKey key, S3Bucket ingest, DynamoDbTable table)
    {
        var logicalName = LogicalNames.Function(function.Id);
        var logGroup = new CloudWatchLogGroup(LogicalNames.LogGroup(logicalName))
        {
            Name = context.Naming.FunctionLogGroup(function),
            RetentionInDays = context.Settings.LogRetentionDays,
            KmsKeyId = key.ArnOutput,
            Options = context.Stateful,
        };
        var role = new IamRole(LogicalNames.Role(logicalName))
        {
            Description = $"Runs the {function.Id} handler of {context.Naming.Prefix}.",
            AssumeRolePolicy = Statements.Trust("lambda.amazonaws.com"),
        };
        var policy = new IamRolePolicy(LogicalNames.RolePolicy(logicalName))
        {
            Role = role.IdOutput,
            Policy = new PolicyDocument(Permissions(function, logGroup, key, ingest, table).ToList()),
        };

        yield return logGroup;
        yield return role;
        yield return policy;
        yield return new LambdaFunction(logicalName)
        {
            Name = context.Naming.FunctionName(function),
            Runtime = Runtime,
            Architectures = [Architecture],
            Handler = function.Handler,
            Role = role.ArnOutput,
            Code = new FileArchive(CodePath),
            MemorySize = context.Settings.LambdaMemoryMb,
            Timeout = context.Settings.LambdaTimeoutSeconds,
            Environment = Environment(function, context.Settings, ingest, table),
            LoggingConfig = new FunctionLoggingConfig
            {
                LogFormat = "JSON",
                LogGroup = logGroup.Output("name"),
                ApplicationLogLevel = "INFO",
                SystemLogLevel = "WARN",
            },
            TracingConfig = new FunctionTracingConfig { Mode = "Active" },
            Options = new ResourceOptions { DependsOn = [policy.LogicalName] },
        };
    }

    /// <summary>
    /// The variables the program can set: the bucket and the table names, LoadBatch's chunk size and size bound (stack
    /// settings). Other optional settings are left to the handlers' defaults; a required one the program cannot provide
    /// stops synthesis.
    /// </summary>
    private static FunctionEnvironment? Environment(FunctionDefinition function, Settings.StackSettings settings, S3Bucket ingest, DynamoDbTable table)
    {
        var variables = new Dictionary<string, Input>(StringComparer.Ordinal);
        foreach (var setting in function.Environment)
        {
            Input? value = setting.Name switch
            {
                EnvironmentVariables.BucketName => ingest.Output("bucket"),
                EnvironmentVariables.TableName => table.Output("name"),
                EnvironmentVariables.ChunkSize => new Literal(settings.ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                EnvironmentVariables.MaxObjectBytes => new Literal(settings.LoadMaxObjectBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => null,
            };
            if (value is not null)
            {
                variables[setting.Name] = value;
            }
            else if (setting.Required)
            {
                throw new InvalidOperationException(
                    $"Function '{function.Id}' requires the environment variable {setting.Name} ({setting.Description}), which the program does not provide.");
            }
        }

        return variables.Count == 0 ? null : new FunctionEnvironment { Variables = variables };
    }

    private static IEnumerable<PolicyStatement> Permissions(FunctionDefinition function, CloudWatchLogGroup logGroup, KmsKey key, S3Bucket ingest, DynamoDbTable table)
    {
        yield return new PolicyStatement
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            // Both actions apply to log streams only (service authorization reference): the group's streams, not the group.
            Resources = [Input.Of($"{logGroup.ArnOutput}:*")],
        };

        var objects = function.Access.Where(access => access.Target == AccessTarget.IngestBucketObjects).ToList();
        foreach (var group in objects.GroupBy(access => string.Join(",", access.Actions)))
        {
            var actions = group.First().Actions;
            yield return new PolicyStatement
            {
                Sid = "Objects" + string.Concat(actions.Select(action => action.Split(':')[1])),
                Actions = actions,
                Resources = group.Select(access => Input.Of($"{ingest.ArnOutput}/{access.Prefix ?? string.Empty}*")).Distinct().ToList(),
            };
        }

        if (objects.Count > 0)
        {
            // SSE-KMS objects: reading decrypts, writing generates a data key (and multipart uploads decrypt).
            var writes = objects.Any(access => access.Actions.Any(action => action.StartsWith("s3:Put", StringComparison.Ordinal)));
            yield return new PolicyStatement
            {
                Sid = "UseKeyForObjects",
                Actions = writes ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
                Resources = [key.ArnOutput],
                Conditions = [PolicyCondition.StringEquals("kms:ViaService", AwsAccount.ViaService("s3"))],
            };
        }

        var tableActions = function.Access.Where(access => access.Target == AccessTarget.RecordsTable)
            .SelectMany(access => access.Actions).Distinct().ToList();
        if (tableActions.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "UseRecordsTable",
                Actions = tableActions,
                Resources = [table.ArnOutput],
            };

            // The table is encrypted with the project key: DynamoDB decrypts with the caller's permissions on every
            // access and, for a write, also generates data keys.
            var tableWrites = tableActions.Any(action => action.Split(':')[1] is "PutItem" or "BatchWriteItem" or "UpdateItem" or "DeleteItem");
            yield return new PolicyStatement
            {
                Sid = "UseKeyForRecordsTable",
                Actions = tableWrites ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
                Resources = [key.ArnOutput],
                Conditions = [PolicyCondition.StringEquals("kms:ViaService", AwsAccount.ViaService("dynamodb"))],
            };
        }

        yield return PolicyStatement.ForWildcard(MandatedWildcards.XRayTracing);
    }
}
