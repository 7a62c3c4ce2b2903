using System.Text;
using Amazon.S3.Model;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Handlers;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Records;
using Pipeline.Local.Runner;
using Xunit.Abstractions;
using static Pipeline.Infra.Tests.Policy.PolicyStacks;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>
/// Least privilege from observed calls, not declared ones: the real handlers run the pipeline against DynamoDB Local and
/// the S3 server with clients that record every request; each recorded call, with the KMS call its service makes on the
/// caller's behalf, must be allowed for the function's role of the dev program, and every grant of those roles must be
/// used by some recorded call or be on the list of grants that Lambda itself, not the function's code, uses.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ObservedCallsTests(ITestOutputHelper output)
{
    /// <summary>Grants the function code never uses itself, with who does.</summary>
    private static readonly IReadOnlyDictionary<string, string> UsedByLambda = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["logs:CreateLogStream"] = "Lambda creates the function's log streams",
        ["logs:PutLogEvents"] = "Lambda writes the function's output to its log group",
        ["xray:PutTraceSegments"] = "Lambda's active tracing sends segments",
        ["xray:PutTelemetryRecords"] = "Lambda's active tracing sends telemetry",
        ["xray:GetSamplingRules"] = "Lambda's active tracing samples",
        ["xray:GetSamplingTargets"] = "Lambda's active tracing samples",
    };

    [Fact]
    public async Task EveryCallTheFunctionsMakeIsAllowed_AndEveryGrantTheirRolesHoldIsUsed()
    {
        var recorded = await RecordPipelineAsync();
        var context = Dev;
        var ingest = context.Arn(LogicalNames.IngestBucket);
        var table = context.Arn(LogicalNames.Table);
        var key = context.Arn(LogicalNames.Key);
        var observed = new List<(string Role, string Action, string Resource)>();
        foreach (var call in recorded.All)
        {
            var role = FunctionRole(call.FunctionId);
            var (service, resource) = call.Action.StartsWith("s3:", StringComparison.Ordinal) ? ("s3", $"{ingest}/{call.Key}") : ("dynamodb", table);
            observed.Add((role, call.Action, resource));
            context.Simulator.RoleCan(role, call.Action, resource).Allowed.Should().BeTrue($"{call.FunctionId} calls {call.Action} on {resource}");
            foreach (var keyAction in AccessPaths.KeyActions(service, call.Action))
            {
                observed.Add((role, keyAction, key));
                var decision = context.Simulator.RoleCan(role, keyAction, key, Via(service));
                decision.Allowed.Should().BeTrue($"{service} calls {keyAction} for {call.FunctionId}'s {call.Action}: {decision.Explanation}");
            }
        }

        foreach (var call in observed.Select(call => (call.Role, call.Action, Resource: Pattern(call.Resource))).Distinct().OrderBy(call => call.Role).ThenBy(call => call.Action))
        {
            output.WriteLine($"observed: {call.Role} {call.Action} {call.Resource}");
        }

        foreach (var role in HandlerCatalog.All.Select(function => FunctionRole(function.Id)))
        {
            var unused = context.Simulator.IdentityStatements[role]
                .Where(statement => statement.Effect == PolicyEffect.Allow)
                .SelectMany(statement => statement.Actions.SelectMany(action => statement.Resources.Select(resource => (Action: action, Resource: resource))))
                .Where(grant => !UsedByLambda.ContainsKey(grant.Action))
                .Where(grant => !observed.Any(call => call.Role == role && WildcardMatch.Action(grant.Action, call.Action) && WildcardMatch.Resource(grant.Resource, call.Resource)))
                .ToList();
            unused.Should().BeEmpty($"{role} must use every grant it holds (observed: {string.Join("; ", observed.Where(call => call.Role == role).Distinct())})");
        }
    }

    /// <summary>An object ARN shown by its prefix (<c>staging/*</c>), the rest as it is.</summary>
    private static string Pattern(string resource)
    {
        var objects = resource.IndexOf(":::", StringComparison.Ordinal) is var at && at > 0 ? resource.IndexOf('/', at) : -1;
        return objects < 0 ? resource : resource[..(resource.IndexOf('/', objects + 1) + 1)] + "*";
    }

    /// <summary>
    /// The bad-rows sample through the whole pipeline, the same file again (a re-delivery), and Store on a chunk whose
    /// item the table would refuse (which Store quarantines): every path a function's code takes to AWS.
    /// </summary>
    private static async Task<RecordedCalls> RecordPipelineAsync()
    {
        await using var aws = await LocalServers.StartAsync(AppContext.BaseDirectory, TextWriter.Null);
        var local = new LocalStack(aws, tableName: "observed-calls");
        await local.CreateAsync();
        var recorded = new RecordedCalls();
        FunctionHost HostFor(string functionId) =>
            new(recorded.S3(functionId, aws.S3), recorded.DynamoDb(functionId, aws.DynamoDb), local.FunctionEnvironment, TimeProvider.System, Task.Delay);
        var runner = new PipelineRunner(local, functions: PipelineFunctions.Create(HostFor));
        var sample = RepoPath.Of("samples", "bad-rows.ndjson");

        (await runner.RunAsync(new RunRequest(sample, ExecutionName: "observed-1"))).Succeeded.Should().BeTrue();
        (await runner.RunAsync(new RunRequest(sample, ExecutionName: "observed-2"))).Succeeded.Should().BeTrue();

        var source = new SourceObject(local.BucketName, "incoming/old.ndjson", "etag-old");
        using var chunk = new NdjsonWriter();
        new RecordTransformer(source, DateTimeOffset.UnixEpoch).Transform(
            Encoding.UTF8.GetBytes("{\"index\":0,\"line\":1,\"id\":\"a\",\"value\":1,\"fields\":{\"note\":\"\\udc00\"}}"), chunk);
        await aws.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = local.BucketName,
            Key = "staging/old/transformed/000000.ndjson",
            InputStream = new MemoryStream(chunk.ToArray()),
            UseChunkEncoding = false,
        });
        var store = (StoreHandler)HandlerCatalog.Store.Create(HostFor(FunctionIds.Store));
        (await store.HandleAsync(new StoreRequest(source, "staging/old/transformed/000000.ndjson"))).Rejected.Should().Be(1);
        return recorded;
    }
}
