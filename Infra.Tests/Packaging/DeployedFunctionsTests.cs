using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Local.Lambda;
using Pipeline.Local.Runner;

namespace Pipeline.Infra.Tests.Packaging;

/// <summary>
/// The functions exactly as the synthesized dev program declares them (handler, architecture, memory, timeout,
/// environment and the zip its <c>code</c> points at), started as Lambda starts them and invoked through the Runtime
/// API, one invocation each, in the order the workflow calls them. The arm64 package runs under qemu-user-static here.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeployedFunctionsTests
{
    [Fact]
    public async Task EveryFunctionOfTheDevProgram_ShouldAnswerItsInvocationFromTheDeployedZip()
    {
        await using var aws = await LocalServers.StartAsync(AppContext.BaseDirectory, TextWriter.Null);
        var local = new LocalStack(aws, tableName: "deployed-functions");
        await local.CreateAsync();
        await aws.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = local.BucketName,
            Key = "incoming/original.json",
            FilePath = RepoPath.Of("samples", "original.json"),
            UseChunkEncoding = false,
        });
        await using var lambda = new LocalLambda(PackagedPipelineFunctions.Account(aws), PackagedPipelineFunctions.ServiceVariables(aws));
        var names = Deploy(lambda, local);

        async Task<JsonNode> Invoke(string handler, JsonObject payload)
        {
            var outcome = await lambda.InvokeAsync(names[handler], JsonSerializer.SerializeToUtf8Bytes(payload));
            outcome.Error.Should().BeNull($"{handler} answers: {outcome.ErrorDocument}");
            outcome.ColdStart.Should().BeTrue();
            return JsonNode.Parse(outcome.Response!)!;
        }

        var load = await Invoke(FunctionIds.LoadBatch, new() { ["bucket"] = local.BucketName, ["key"] = "incoming/original.json", ["executionName"] = "deployed" });
        var validate = await Invoke(FunctionIds.Validate, new() { ["source"] = load["source"]!.DeepClone(), ["workPrefix"] = load["workPrefix"]!.DeepClone(), ["listValidChunkKeys"] = true });
        var transform = await Invoke(FunctionIds.Transform, new() { ["source"] = load["source"]!.DeepClone(), ["chunkKey"] = validate["validChunkKeys"]![0]!.DeepClone(), ["workPrefix"] = load["workPrefix"]!.DeepClone() });
        var store = await Invoke(FunctionIds.Store, new() { ["source"] = load["source"]!.DeepClone(), ["transformedKey"] = transform["transformedKey"]!.DeepClone() });
        var quarantine = await Invoke(FunctionIds.Quarantine, new()
        {
            ["source"] = load["source"]!.DeepClone(),
            ["invalidKey"] = validate["invalidKey"]!.DeepClone(),
            ["validCount"] = validate["validCount"]!.DeepClone(),
            ["invalidCount"] = validate["invalidCount"]!.DeepClone(),
            ["chunks"] = new JsonArray(store.DeepClone()),
        });

        (load["recordCount"]!.GetValue<int>(), validate["validCount"]!.GetValue<int>(), store["stored"]!.GetValue<int>(), quarantine["quarantined"]!.GetValue<int>())
            .Should().Be((3, 2, 2, 1));
        quarantine["stored"]!.GetValue<int>().Should().Be(2, "the end of the run accounts for every record");
    }

    /// <summary>Creates each function of the dev program on <paramref name="lambda"/>; returns the function names by handler.</summary>
    private static Dictionary<string, string> Deploy(LocalLambda lambda, LocalStack local)
    {
        var program = Stacks.Dev;
        var localValues = new Dictionary<Input, string>
        {
            [program[LogicalNames.IngestBucket].Output("bucket")] = local.BucketName,
            [program[LogicalNames.Table].Output("name")] = local.TableName,
        };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in program.All<LambdaFunction>())
        {
            var variables = (function.Environment?.Variables ?? new Dictionary<string, Input>()).ToDictionary(
                variable => variable.Key,
                variable => localValues.TryGetValue(variable.Value, out var value) ? value
                    : variable.Value is Literal literal ? literal.Value
                    : throw new InvalidOperationException($"{function.Name}: no local value for {variable.Key}"));
            lambda.Deploy(new FunctionConfiguration(
                function.Name,
                function.Handler,
                function.Architectures.Single(),
                function.MemorySize,
                TimeSpan.FromSeconds(function.Timeout),
                variables,
                Path.GetFullPath(function.Code.Path, DeploymentPackage.ProjectRoot)));
            names[function.Handler] = function.Name;
        }

        names.Keys.Should().BeEquivalentTo(HandlerCatalog.All.Select(definition => definition.Id));
        return names;
    }
}
