using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Functions;
using Pipeline.Local.Runner;
using Pipeline.Local.Tests.EndToEnd;

namespace Pipeline.Local.Tests.Runner;

/// <summary>What the local runner keeps between runs: the servers of <c>serve</c>, failed inputs, and an interrupted run's account.</summary>
[Collection(LocalServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RunnerStateTests(LocalServersFixture aws) : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("pipeline-runner-state-");

    [Fact]
    public async Task ServedServers_WhileTheirProcessRunsAndTheyAnswer_AreFound_AndAStaleAnnouncementIsRemoved()
    {
        var live = new ServedServers(Environment.ProcessId, aws.Servers.S3Endpoint, aws.Servers.DynamoDbEndpoint);
        live.Write(root.FullName);

        (await ServedServers.FindAsync(root.FullName, CancellationToken.None)).Should().Be(live);

        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        (live with { ProcessId = gone.Id }).Write(root.FullName);

        (await ServedServers.FindAsync(root.FullName, CancellationToken.None)).Should().BeNull();
        File.Exists(ServedServers.FilePath(root.FullName)).Should().BeFalse("an announcement whose process is gone is removed");
    }

    [Fact]
    public async Task FailedInputs_ShouldKeepOnlyTheNewest()
    {
        for (var i = 0; i < FailedInputs.Kept + 5; i++)
        {
            var path = await FailedInputs.SaveAsync(root.FullName, $"execution-{i:D3}", new JsonObject { ["n"] = i }, CancellationToken.None);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(i - 100));
        }

        var kept = Directory.GetFiles(FailedInputs.Folder(root.FullName)).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        kept.Should().HaveCount(FailedInputs.Kept);
        kept.First().Should().Be("execution-005");
    }

    [Fact]
    public async Task Run_WhenInterrupted_ShouldSayWhatWasStoredAndKeepTheInput_AndARedriveFinishesItWithoutDuplicates()
    {
        var stack = await aws.CreateStackAsync();
        var file = Path.Combine(root.FullName, "interrupted.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 2500).Select(i => $"{{\"id\":{i},\"value\":{i}}}"));
        using var stop = new CancellationTokenSource();
        FunctionCall StopAfterFirstStore(string id, FunctionCall call) => id != FunctionIds.Store ? call : async (payload, context) =>
        {
            var result = await call(payload, context);
            await stop.CancelAsync();
            return result;
        };

        var act = () => new PipelineRunner(stack, StopAfterFirstStore).RunAsync(
            new RunRequest(file, ExecutionName: $"interrupted-{Guid.NewGuid():N}", Seed: 1) with { Variant = Workflows.WorkflowVariant.Standard },
            null,
            stop.Token);

        var interrupted = (await act.Should().ThrowAsync<RunInterruptedException>()).Which;
        interrupted.Stored.Should().BePositive().And.BeLessThan(2500);
        interrupted.Message.Should().Contain($"after storing {interrupted.Stored} record(s)");
        JsonNode.Parse(await File.ReadAllTextAsync(interrupted.SavedInputPath))!["detail"]!["object"]!["key"]!.GetValue<string>()
            .Should().Be("incoming/interrupted.ndjson");

        var redriven = await new PipelineRunner(stack).RedriveAsync(interrupted.SavedInputPath);

        redriven.Execution.Status.Should().Be(Pipeline.Local.Engine.ExecutionStatus.Succeeded, redriven.Execution.Cause);
        redriven.Execution.Name.Should().Be(Path.GetFileNameWithoutExtension(interrupted.SavedInputPath));
        (await aws.ScanAsync(stack, item => item["sk"].S == ItemKeys.RecordSortKey)).Should().HaveCount(2500).And.OnlyHaveUniqueItems();
        redriven.Notifications.Single().Message.Should().Contain($"{2500 - interrupted.Stored} stored, {interrupted.Stored} stored by an earlier delivery");
    }

    public void Dispose() => root.Delete(recursive: true);
}
