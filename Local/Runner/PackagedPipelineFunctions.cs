using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Functions.Catalog;
using Pipeline.Local.Lambda;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Runner;

/// <summary>
/// The pipeline's functions as deployed: each catalog function is created on a <see cref="LocalLambda"/> from the
/// deployment package, with the handler, the variables it declares (as the Pulumi program sets them) and the stack's
/// memory and timeout, and a call goes through the Runtime API to the package's <c>bootstrap</c> process. A function
/// error fails the task with the error type the runtime posted and the posted document as the cause, as Step Functions
/// reports it.
/// </summary>
public static class PackagedPipelineFunctions
{
    /// <summary>The dev stack's function memory (Infra's stack defaults).</summary>
    public const int MemoryMb = 512;

    /// <summary>The dev stack's function timeout (Infra's stack defaults).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The region and credentials the local servers accept (s3rver takes only its own key).</summary>
    public static LocalAccount Account(LocalServers aws) =>
        new(Pipeline.LocalAws.LocalAwsServers.Region, Pipeline.LocalAws.LocalAwsServers.S3AccessKey, Pipeline.LocalAws.LocalAwsServers.S3AccessKey, "local-session");

    /// <summary>What points the AWS SDK inside the functions at the local servers instead of AWS.</summary>
    public static IReadOnlyDictionary<string, string> ServiceVariables(LocalServers aws)
    {
        ArgumentNullException.ThrowIfNull(aws);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_S3"] = aws.S3Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = aws.DynamoDbEndpoint.ToString().TrimEnd('/'),

            // Plain payloads and no trailing checksums: S3 accepts both, the S3 emulator only these.
            ["AWS_REQUEST_CHECKSUM_CALCULATION"] = "WHEN_REQUIRED",
            ["AWS_RESPONSE_CHECKSUM_VALIDATION"] = "WHEN_REQUIRED",
        };
    }

    /// <summary>Deploys every catalog function from <paramref name="package"/> and returns a call of each, by logical function id.</summary>
    public static IReadOnlyDictionary<string, FunctionCall> Create(LocalLambda lambda, LocalStack stack, string architecture, string package)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        ArgumentNullException.ThrowIfNull(stack);
        var calls = new Dictionary<string, FunctionCall>(StringComparer.Ordinal);
        foreach (var function in HandlerCatalog.All)
        {
            var name = PipelineFunctions.FunctionName(stack.Resolver, function.Id);
            var variables = function.Environment
                .Where(setting => stack.FunctionEnvironment.ContainsKey(setting.Name))
                .ToDictionary(setting => setting.Name, setting => stack.FunctionEnvironment[setting.Name], StringComparer.Ordinal);
            lambda.Deploy(new FunctionConfiguration(name, function.Handler, architecture, MemoryMb, Timeout, variables, package));
            calls[function.Id] = async (payload, context) =>
            {
                var outcome = await lambda.InvokeAsync(name, JsonSerializer.SerializeToUtf8Bytes(payload), context.CancellationToken).ConfigureAwait(false);
                if (outcome.Error is { } error)
                {
                    throw new TaskFailedException(error.ErrorType, outcome.ErrorDocument ?? error.ErrorMessage);
                }

                return JsonNode.Parse(outcome.Response!);
            };
        }

        return calls;
    }
}
