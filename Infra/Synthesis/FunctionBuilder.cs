using Pipeline.Infra.Aws;
using Pipeline.Infra.Iam;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// One Lambda function per handler, each with its own log group, role and inline policy naming the
/// exact objects, table and key it uses.
/// </summary>
public static class FunctionBuilder
{
    public const string Runtime = "dotnet10";
    public const string Architecture = "arm64";

    /// <summary>
    /// The <c>dotnet publish Functions -c Release -r linux-arm64 --self-contained false</c> output,
    /// relative to the project root (the compiler command in Pulumi.yaml publishes it first).
    /// </summary>
    public const string CodePath = "./Functions/bin/publish";

    public static IEnumerable<Resource> Build(SynthesisContext context, PipelineFunction function, KmsKey key, S3Bucket ingest, DynamoDbTable table)
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
            Environment = function.TableNameVariable is { } variable
                ? new FunctionEnvironment { Variables = new Dictionary<string, Input> { [variable] = table.Output("name") } }
                : null,
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

    private static IEnumerable<PolicyStatement> Permissions(PipelineFunction function, CloudWatchLogGroup logGroup, KmsKey key, S3Bucket ingest, DynamoDbTable table)
    {
        yield return new PolicyStatement
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logGroup.ArnOutput, Input.Of($"{logGroup.ArnOutput}:*")],
        };

        var access = function.Access;
        if (access.ReadPrefixes.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "ReadObjects",
                Actions = ["s3:GetObject"],
                Resources = access.ReadPrefixes.Select(prefix => Input.Of($"{ingest.ArnOutput}/{prefix}*")).ToList(),
            };
        }

        if (access.WritePrefixes.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "WriteObjects",
                Actions = ["s3:PutObject"],
                Resources = access.WritePrefixes.Select(prefix => Input.Of($"{ingest.ArnOutput}/{prefix}*")).ToList(),
            };
        }

        if (access.ReadPrefixes.Count + access.WritePrefixes.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "UseKeyForObjects",
                Actions = (access.ReadPrefixes.Count > 0 ? ["kms:Decrypt"] : Array.Empty<string>())
                    .Concat(access.WritePrefixes.Count > 0 ? ["kms:GenerateDataKey"] : Array.Empty<string>())
                    .ToList(),
                Resources = [key.ArnOutput],
                Conditions = [PolicyCondition.StringEquals("kms:ViaService", AwsAccount.ViaService("s3"))],
            };
        }

        if (access.TableActions.Count > 0)
        {
            yield return new PolicyStatement
            {
                Sid = "UseRecordsTable",
                Actions = access.TableActions,
                Resources = [table.ArnOutput],
            };
        }

        yield return PolicyStatement.ForWildcard(MandatedWildcards.XRayTracing);
    }
}
