using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Table;
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
    public async Task FailedExecutions_ShouldKeepOnlyTheNewest()
    {
        FailedExecutions.Forget(root.FullName, "never-kept");
        FailedExecutions.Names(root.FullName).Should().BeEmpty("nothing was kept, and forgetting before the folder exists is no error");
        for (var i = 0; i < FailedExecutions.Kept + 5; i++)
        {
            var path = await FailedExecutions.SaveAsync(root.FullName, $"execution-{i:D3}", new JsonObject { ["n"] = i }, null, CancellationToken.None);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(i - 100));
        }

        var kept = Directory.GetFiles(FailedExecutions.Folder(root.FullName)).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        kept.Should().HaveCount(FailedExecutions.Kept);
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
            new RunRequest(file, ExecutionName: $"interrupted-{Guid.NewGuid():N}", Seed: 1) with { Variant = Workflows.Model.WorkflowVariant.Standard },
            null,
            stop.Token);

        var interrupted = (await act.Should().ThrowAsync<RunInterruptedException>()).Which;
        interrupted.Stored.Should().BePositive().And.BeLessThan(2500);
        interrupted.Message.Should().Contain($"after storing {interrupted.Stored} record(s)");
        JsonNode.Parse(await File.ReadAllTextAsync(interrupted.SavedInputPath))!["detail"]!["object"]!["key"]!.GetValue<string>()
            .Should().Be("incoming/interrupted.ndjson");

        var redriven = await new PipelineRunner(stack).RedriveAsync(Path.GetFileNameWithoutExtension(interrupted.SavedInputPath));

        redriven.Execution.Status.Should().Be(Pipeline.Local.Engine.ExecutionStatus.Succeeded, redriven.Execution.Cause);
        redriven.Execution.Name.Should().Be(Path.GetFileNameWithoutExtension(interrupted.SavedInputPath));
        (await aws.ScanAsync(stack, item => item["sk"].S == ItemKeys.RecordSortKey)).Should().HaveCount(2500).And.OnlyHaveUniqueItems();
        redriven.Notifications.Single().Message.Should().Contain($"{2500 - interrupted.Stored} stored, {interrupted.Stored} stored by an earlier delivery");
    }

    /// <summary>
    /// An outage of the table for one chunk fails that chunk's child execution, and with it the Map Run: the Standard
    /// execution ends at ProcessChunks, where a redrive continues it (RedriveExecution re-runs a failed Map Run's failed
    /// children only). The run-ended rule's notification names the execution and how to redrive it.
    /// </summary>
    [Fact]
    public async Task AStandardRunWhoseChunkFailed_IsRedrivenFromProcessChunks_AndEveryRecordIsStoredOnce()
    {
        var stack = await aws.CreateStackAsync();
        var file = Path.Combine(root.FullName, "outage.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 2500).Select(i => $"{{\"id\":{i},\"value\":{i}}}"));
        var outage = true;
        var broken = StorageLayout.ChunkId(1);
        var calls = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var stores = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        FunctionCall Outage(string id, FunctionCall call) => id != FunctionIds.Store ? call : async (payload, context) =>
        {
            var chunk = StorageLayout.ChunkIdOf(payload!["transformedKey"]!.GetValue<string>());
            calls.AddOrUpdate(chunk, 1, (_, n) => n + 1);
            if (Volatile.Read(ref outage) && chunk == broken)
            {
                throw new TimeoutException("the table cannot be reached");
            }

            var result = await call(payload, context);
            stores.AddOrUpdate(chunk, result!["stored"]!.GetValue<int>(), (_, n) => n + result!["stored"]!.GetValue<int>());
            return result;
        };
        var name = $"outage-{Guid.NewGuid():N}";

        var failed = await new PipelineRunner(stack, Outage).RunAsync(
            new RunRequest(file, ExecutionName: name, Seed: 1) with { Variant = Workflows.Model.WorkflowVariant.Standard });
        Volatile.Write(ref outage, false);
        var redriven = await new PipelineRunner(stack, Outage).RedriveAsync(name);

        (failed.Execution.Status, failed.Execution.Error).Should().Be((Pipeline.Local.Engine.ExecutionStatus.Failed, Workflows.Model.ErrorNames.ExceedToleratedFailureThreshold));
        failed.Execution.RedrivePoint!.StateName.Should().Be("ProcessChunks");
        failed.Notifications.Should().ContainSingle().Which.Message.Should().Be(
            Workflows.DataPipeline.RunEndedNotification.Render(name, "FAILED", failed.Execution.ExecutionArn), "the workflow leaves the Map Run's failure to the run-ended rule");
        redriven.Execution.Status.Should().Be(Pipeline.Local.Engine.ExecutionStatus.Succeeded, redriven.Execution.Cause);
        (redriven.Execution.Name, redriven.Execution.RedriveCount).Should().Be((name, 1));
        redriven.Execution.History.Should().Contain(e => e.Type == Pipeline.Local.History.HistoryEventType.MapRunRedriven);
        calls[broken].Should().Be(2, "the failed chunk runs again");
        redriven.Execution.Children.Count.Should().Be(3 - failed.Execution.RedrivePoint.Completed.Count, "only the children that did not succeed run again");
        stores.Values.Sum().Should().Be(2500, "each record is stored once, across the run and its redrive");
        (await aws.ScanAsync(stack, item => item["sk"].S == ItemKeys.RecordSortKey)).Should().HaveCount(2500).And.OnlyHaveUniqueItems();
        redriven.Notifications.Should().ContainSingle().Which.Message.Should().Contain("2500 records").And.Contain("2500 stored, 0 stored by an earlier delivery");
        FailedExecutions.Names(stack.Aws.RepositoryRoot).Should().NotContain(name, "a redriven execution that succeeded is forgotten");
    }

    public void Dispose() => root.Delete(recursive: true);
}
