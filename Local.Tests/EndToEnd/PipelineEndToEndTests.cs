using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Table;
using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;

namespace Pipeline.Local.Tests.EndToEnd;

/// <summary>The pipeline's own rendered definition, run on the engine with the real handlers against DynamoDB Local and s3rver.</summary>
[Collection(LocalServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PipelineEndToEndTests(LocalServersFixture aws)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Run_WhenGivenTheOriginalExample_ShouldStoreTwoValidRecordsAndQuarantineOne()
    {
        var stack = await aws.CreateStackAsync();

        var outcome = await new PipelineRunner(stack).RunAsync(Request("original.json"));

        outcome.Execution.Status.Should().Be(ExecutionStatus.Succeeded, outcome.Execution.Cause);
        (outcome.RecordsIn, outcome.Valid, outcome.Invalid, outcome.Stored).Should().Be((3L, 2L, 1L, 2L));
        var records = await aws.ScanAsync(stack, IsRecord);
        records.Should().HaveCount(2);
        records.Should().ContainSingle(r => r.Contains($"pk={ItemKeys.RecordPartitionKey("1")}", StringComparison.Ordinal));
        records.Should().ContainSingle(r => r.Contains($"pk={ItemKeys.RecordPartitionKey("2")}", StringComparison.Ordinal));
        var quarantine = await ReadObjectAsync(stack, outcome.QuarantineKey!);
        quarantine.Should().Contain("value is missing");
        outcome.Notifications.Should().ContainSingle().Which.Message.Should().Contain("3 records, 2 valid, 1 invalid");
    }

    [Fact]
    public async Task Run_WhenAHandlerFailsTransientlyTwice_ShouldRetryWithTheRecordedBackoffAndSucceed()
    {
        var stack = await aws.CreateStackAsync();
        var attempts = new List<DateTimeOffset>();
        FunctionCall FailTwice(string id, FunctionCall call) => id != FunctionIds.Transform ? call : (payload, context) =>
        {
            attempts.Add(context.Clock.UtcNow);
            return attempts.Count <= 2
                ? throw new TaskFailedException("Lambda.ServiceException", "The service is unavailable; try again.")
                : call(payload, context);
        };

        var outcome = await new PipelineRunner(stack, FailTwice).RunAsync(Request("original.json"));

        outcome.Execution.Status.Should().Be(ExecutionStatus.Succeeded, outcome.Execution.Cause);
        outcome.Stored.Should().Be(2);
        attempts.Should().HaveCount(3);

        // The pipeline's Retry: IntervalSeconds 2, BackoffRate 2, JitterStrategy FULL, so each wait lies in [0, 2 x 2^n] s.
        var retrier = PipelineWorkflow.LambdaTransientErrors;
        var firstWait = attempts[1] - attempts[0];
        var secondWait = attempts[2] - attempts[1];
        firstWait.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(retrier.IntervalSeconds!.Value));
        secondWait.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(retrier.IntervalSeconds.Value * (double)retrier.BackoffRate!.Value));

        // The history records the same waits between each failure and the next attempt.
        var calls = outcome.Execution.History.Where(e => e.Type == HistoryEventType.TaskScheduled && IsCallTo(e, "transform"))
            .Select(scheduled => (Scheduled: scheduled, Ended: Outcome(outcome.Execution.History, scheduled)))
            .ToList();
        calls.Select(c => c.Ended.Type).Should().Equal(HistoryEventType.TaskFailed, HistoryEventType.TaskFailed, HistoryEventType.TaskSucceeded);
        calls[0].Ended.Details["error"]!.GetValue<string>().Should().Be("Lambda.ServiceException");
        (calls[1].Scheduled.Timestamp - calls[0].Ended.Timestamp).Should().Be(firstWait);
        (calls[2].Scheduled.Timestamp - calls[1].Ended.Timestamp).Should().Be(secondWait);
    }

    [Fact]
    public async Task Run_WhenAHandlerFailsPermanently_ShouldNotifyTheFailureWithTheInputAndKeepIt()
    {
        var stack = await aws.CreateStackAsync();
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, "{\"records\": [ this is not JSON");
        try
        {
            var outcome = await new PipelineRunner(stack).RunAsync(new RunRequest(broken, ExecutionName: "permanent-failure", StartTime: Start, Seed: 1));

            outcome.Execution.Status.Should().Be(ExecutionStatus.Failed);
            outcome.Execution.Error.Should().Be(nameof(Functions.Errors.InvalidInput));
            outcome.FailedState.Should().Be("LoadBatch");
            outcome.Execution.History.Count(e => e.Type == HistoryEventType.TaskScheduled && IsCallTo(e, "load-batch"))
                .Should().Be(1, "InvalidInput is not a transient error and must not be retried");

            var failure = outcome.Notifications.Should().ContainSingle().Subject;
            failure.Subject.Should().Be("Pipeline run failed");
            failure.Message.Should().Contain(outcome.Execution.Input!.ToJsonString()).And.Contain(nameof(Functions.Errors.InvalidInput));
            failure.Message.Should().NotContain("   at ").And.NotContain("stackTrace", "a notification carries no .NET stack trace");

            File.ReadAllText(outcome.SavedInputPath!).Should().Contain(outcome.Key);
            JsonNode.Parse(File.ReadAllText(outcome.SavedInputPath!))!["detail"]!["object"]!["key"]!.GetValue<string>().Should().Be(outcome.Key);
            (await ReadObjectAsync(stack, outcome.Key)).Should().Contain("this is not JSON");
            (await aws.ScanAsync(stack)).Should().BeEmpty();
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task Run_WhenTheSameFileIsDeliveredTwice_ShouldWriteNothingTheSecondTime()
    {
        var stack = await aws.CreateStackAsync();
        var runner = new PipelineRunner(stack);
        var first = await runner.RunAsync(Request("bad-rows.ndjson") with { ExecutionName = "first-delivery" });
        var tableAfterFirst = await aws.ScanAsync(stack);

        var second = await runner.RunAsync(Request("bad-rows.ndjson") with { ExecutionName = "second-delivery" });

        first.Stored.Should().Be(3);
        second.Execution.Status.Should().Be(ExecutionStatus.Succeeded, second.Execution.Cause);
        second.Stored.Should().Be(0);
        (await aws.ScanAsync(stack)).Should().Equal(tableAfterFirst);
    }

    [Fact]
    public async Task Run_WhenRunAsStandardOrExpress_ShouldFillTheSameTable()
    {
        var standardStack = await aws.CreateStackAsync();
        var expressStack = await aws.CreateStackAsync();

        var standard = await new PipelineRunner(standardStack).RunAsync(Request("bad-rows.ndjson") with { Variant = WorkflowVariant.Standard });
        var express = await new PipelineRunner(expressStack).RunAsync(Request("bad-rows.ndjson") with { Variant = WorkflowVariant.Express });

        standard.Execution.Type.Should().Be(WorkflowVariant.Standard);
        express.Execution.Type.Should().Be(WorkflowVariant.Express);
        var standardRecords = await aws.ScanAsync(standardStack, IsRecord);
        standardRecords.Should().HaveCount(3);
        (await aws.ScanAsync(expressStack, IsRecord)).Should().Equal(standardRecords);
        express.QuarantineKey.Should().Be(standard.QuarantineKey);
        (await ReadObjectAsync(expressStack, express.QuarantineKey!)).Should().Be(await ReadObjectAsync(standardStack, standard.QuarantineKey!));
    }

    [Fact]
    public async Task Run_WhenTheObjectReachesTheExpressThreshold_ShouldHandItOverToTheStandardMachineWhichStoresEveryRecordOnce()
    {
        // bad-rows.ndjson is 175 bytes: at a 100-byte threshold the Express machine hands it over, original.json (63 bytes) it keeps.
        var workflow = new PipelineWorkflowOptions(ExpressMaxObjectBytes: 100);
        var stack = await aws.CreateStackAsync(workflow);
        var progress = new List<string>();

        var large = await new PipelineRunner(stack).RunAsync(Request("bad-rows.ndjson") with { ExecutionName = "upload-1" }, progress.Add);
        var small = await new PipelineRunner(await aws.CreateStackAsync(workflow)).RunAsync(Request("original.json"));

        large.Execution.Status.Should().Be(ExecutionStatus.Succeeded, large.Execution.Cause);
        large.Variant.Should().Be(WorkflowVariant.Standard);
        large.Execution.Type.Should().Be(WorkflowVariant.Standard);
        progress.Should().Contain(line => line.StartsWith("the Express state machine handed the object over to the Standard one, execution ", StringComparison.Ordinal));
        large.Execution.Name.Should().NotBe("upload-1", "the Standard execution is named after the S3 event's id");
        large.Stored.Should().Be(3);
        small.Variant.Should().Be(WorkflowVariant.Express);
        small.Stored.Should().Be(2);
        (await aws.ScanAsync(stack, IsRecord)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Run_WhenALateChunkHoldsOneRecordTheTableWouldRefuse_ShouldStoreEveryOtherRecordOnceAndQuarantineThatOne()
    {
        var stack = await aws.CreateStackAsync();
        var file = Path.Combine(Path.GetTempPath(), $"late-bad-record-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 2500).Select(i => i == 2200
            ? $"{{\"id\":{i},\"value\":{i},\"note\":\"half a pair: \\udc00\"}}"
            : $"{{\"id\":{i},\"value\":{i},\"note\":\"record {i}\"}}"));
        try
        {
            var outcome = await new PipelineRunner(stack).RunAsync(new RunRequest(file, ExecutionName: "late-bad-record", StartTime: Start, Seed: 1));

            outcome.Execution.Status.Should().Be(ExecutionStatus.Succeeded, outcome.Execution.Cause);
            (outcome.RecordsIn, outcome.Valid, outcome.Invalid, outcome.Stored, outcome.Chunks).Should().Be((2500L, 2499L, 1L, 2499L, 3));
            var records = await aws.ScanAsync(stack, IsRecord);
            records.Should().HaveCount(2499).And.OnlyHaveUniqueItems();
            records.Should().NotContain(r => r.Contains($"pk={ItemKeys.RecordPartitionKey("2200")}", StringComparison.Ordinal));
            var quarantined = JsonNode.Parse(await ReadObjectAsync(stack, outcome.QuarantineKey!))!;
            quarantined["line"]!.GetValue<long>().Should().Be(2200);
            quarantined["reasons"]![0]!.GetValue<string>().Should().StartWith("field 'note' holds the escape \\udc00, half of a UTF-16 surrogate pair");
            outcome.Notifications.Should().ContainSingle().Which.Message.Should().Contain("2500 records, 2499 valid, 1 invalid; 2499 stored");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("my file+v2 %.csv")]
    [InlineData("a+b.csv")]
    [InlineData("données été 😀.csv")]
    public async Task Run_WhenTheFileNameNeedsUrlEncoding_ShouldLoadItFromTheEncodedEventKey(string name)
    {
        var stack = await aws.CreateStackAsync();
        var folder = Directory.CreateTempSubdirectory("pipeline-keys-");
        var file = Path.Combine(folder.FullName, name);
        await File.WriteAllTextAsync(file, "id,value\n1,2\n2,x\n");
        try
        {
            var outcome = await new PipelineRunner(stack).RunAsync(new RunRequest(file, ExecutionName: $"keys-{Guid.NewGuid():N}", StartTime: Start, Seed: 1));

            outcome.Execution.Status.Should().Be(ExecutionStatus.Succeeded, outcome.Execution.Cause);
            outcome.Execution.Input!["detail"]!["object"]!["key"]!.GetValue<string>().Should().Be(EventObjectKey.Encode($"incoming/{name}"));
            (outcome.RecordsIn, outcome.Stored, outcome.Invalid).Should().Be((2L, 1L, 1L));
            outcome.QuarantineKey.Should().StartWith($"quarantine/{name}.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static RunRequest Request(string sample) =>
        new(LocalServersFixture.Sample(sample), ExecutionName: $"e2e-{Guid.NewGuid():N}", StartTime: Start, Seed: 7);

    private static bool IsRecord(Dictionary<string, AttributeValue> item) =>
        item[TableSchema.PartitionKey].S.StartsWith(ItemKeys.RecordPrefix, StringComparison.Ordinal);

    /// <summary>The TaskSucceeded or TaskFailed event of a scheduled task, found by following previousEventId.</summary>
    private static HistoryEvent Outcome(IReadOnlyList<HistoryEvent> history, HistoryEvent scheduled)
    {
        var started = history.Single(e => e.PreviousEventId == scheduled.Id && e.Type == HistoryEventType.TaskStarted);
        return history.Single(e => e.PreviousEventId == started.Id && e.Type is HistoryEventType.TaskFailed or HistoryEventType.TaskSucceeded);
    }

    private static bool IsCallTo(HistoryEvent e, string functionSuffix) =>
        e.Details["parameters"] is JsonValue parameters // a JSON string, as in AWS's history
        && JsonNode.Parse(parameters.GetValue<string>())?["FunctionName"]?.GetValue<string>().EndsWith($"-{functionSuffix}", StringComparison.Ordinal) == true;

    private async Task<string> ReadObjectAsync(LocalStack stack, string key)
    {
        using var response = await aws.Servers.S3.GetObjectAsync(stack.BucketName, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
