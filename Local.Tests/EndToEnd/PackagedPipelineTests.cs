using Amazon.S3.Model;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Packaging;

namespace Pipeline.Local.Tests.EndToEnd;

/// <summary>
/// The deployment package as Lambda receives it: the arm64 zip, unpacked and started with Lambda's environment only,
/// under qemu-user-static on this machine, answering the pipeline's invocations through the local Runtime API.
/// </summary>
[Collection(LocalServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PackagedPipelineTests(LocalServersFixture aws)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("original.json")]
    [InlineData("bad-rows.ndjson")]
    public async Task PackagedRun_ShouldPrintTheSameSummaryAsTheInProcessRun_WithEveryFunctionAnsweringUnderEmulation(string sample)
    {
        var request = new RunRequest(LocalServersFixture.Sample(sample), ExecutionName: $"packaged-{sample}", StartTime: Start, Seed: 7);
        var inProcess = await new PipelineRunner(await aws.CreateStackAsync()).RunAsync(request);
        await using var lambda = Lambda();
        var stack = await aws.CreateStackAsync();
        var functions = PackagedPipelineFunctions.Create(lambda, stack, FunctionPackage.DeployedArchitecture, await DeployedPackage.PathAsync());

        var packaged = await new PipelineRunner(stack, functions: functions).RunAsync(request);

        packaged.Execution.Status.Should().Be(ExecutionStatus.Succeeded, packaged.Execution.Cause);
        Comparable(packaged).Should().Equal(Comparable(inProcess));
        lambda.Outcomes.Should().OnlyContain(outcome => outcome.Succeeded);
        lambda.Outcomes.Select(outcome => outcome.Function).Distinct()
            .Should().BeEquivalentTo(HandlerCatalog.All.Select(function => PipelineFunctions.FunctionName(stack.Resolver, function.Id)));
    }

    [Fact]
    public async Task LoadBatch_WhenTheFileIsNotRecords_ShouldReachTheRuntimeApiAsInvalidInputNamingTheFile()
    {
        var stack = await aws.CreateStackAsync();
        await aws.Servers.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = stack.BucketName,
            Key = "incoming/broken.json",
            ContentBody = "{\"records\": [ this is not JSON",
            UseChunkEncoding = false,
        });
        await using var lambda = Lambda();
        PackagedPipelineFunctions.Create(lambda, stack, FunctionPackage.DeployedArchitecture, await DeployedPackage.PathAsync());
        var loadBatch = PipelineFunctions.FunctionName(stack.Resolver, FunctionIds.LoadBatch);

        var outcome = await lambda.InvokeAsync(loadBatch, """{"bucket":"pipeline-local-ingest","key":"incoming/broken.json","executionName":"broken"}"""u8.ToArray());

        outcome.Error!.ErrorType.Should().Be(nameof(Functions.Errors.InvalidInput));
        outcome.ErrorTypeHeader.Should().Be(nameof(Functions.Errors.InvalidInput));
        outcome.Error.ErrorMessage.Should().StartWith("s3://pipeline-local-ingest/incoming/broken.json");
        outcome.ColdStart.Should().BeTrue();
    }

    private LocalLambda Lambda() => new(PackagedPipelineFunctions.Account(aws.Servers), PackagedPipelineFunctions.ServiceVariables(aws.Servers));

    /// <summary>The summary lines but those that measure this machine (wall time, and the Lambda cost it implies).</summary>
    private static List<string> Comparable(RunOutcome outcome) =>
        RunSummary.Lines(outcome).Where(line => !line.Contains("wall time", StringComparison.Ordinal) && !line.Contains("estimated cost", StringComparison.Ordinal)).ToList();
}
