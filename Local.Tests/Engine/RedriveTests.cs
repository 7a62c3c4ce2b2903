using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

/// <summary>
/// Redrive as RedriveExecution does it (API reference, RedriveExecution): a failed Standard execution continues from the
/// state it failed in, with that state's input, under the same name; successful steps, Map iterations, Parallel branches
/// and distributed Map children are not run again.
/// </summary>
public class RedriveTests
{
    private const string WorkArn = "arn:aws:lambda:us-east-1:123456789012:function:Work";

    /// <summary>A "Work" function that fails for the inputs in <see cref="Down"/> (an outage), and counts its calls per input.</summary>
    private sealed class FlakyWork
    {
        public ConcurrentDictionary<string, int> Calls { get; } = new();

        public HashSet<string> Down { get; } = [];

        public TaskRegistry Registry() => new TaskRegistry().RegisterFunction("Work", (JsonNode? input, CancellationToken _) =>
        {
            var key = input?.ToJsonString() ?? "null";
            Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
            lock (Down)
            {
                if (Down.Contains(key))
                {
                    throw new TimeoutException($"the service behind Work is down for {key}");
                }
            }

            return Task.FromResult<JsonNode?>(new JsonObject { ["done"] = input?.DeepClone() });
        });

        public int CallsFor(object input) => Calls.GetValueOrDefault(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(input))!.ToJsonString());
    }

    /// <summary>One Task, "Only", calling Work with <c>{"step": 1}</c>.</summary>
    private static readonly StateMachine OneStep = StateMachine.Parse($$"""
        { "StartAt": "Only", "States": { "Only": { "Type": "Task", "Resource": "{{WorkArn}}", "Parameters": { "step": 1 }, "End": true } } }
        """);

    /// <summary>An inline Map, "Each", over <c>$.items</c>, calling Work for each item, two at a time.</summary>
    private static readonly StateMachine InlineMapOfWork = StateMachine.Parse($$"""
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
              "ItemProcessor": { "StartAt": "Work", "States": { "Work": { "Type": "Task", "Resource": "{{WorkArn}}", "End": true } } },
              "End": true
            }
          }
        }
        """);

    private static ExecutionOptions RedriveOptions(int seed = 7) => Asl.Options(seed: seed) with { StartTime = Asl.Start.AddHours(1) };

    [Fact]
    public async Task ATaskThatFailed_RunsAgainFromItsInput_AndTheStepsBeforeItDoNot()
    {
        var work = new FlakyWork();
        var definition = StateMachine.Parse($$"""
            {
              "StartAt": "First",
              "States": {
                "First": { "Type": "Task", "Resource": "{{WorkArn}}", "Parameters": { "step": 1 }, "ResultPath": "$.first", "Next": "Second" },
                "Second": { "Type": "Task", "Resource": "{{WorkArn}}", "Parameters": { "step": 2, "redrives.$": "$$.Execution.RedriveCount" }, "ResultPath": "$.second", "End": true }
              }
            }
            """);
        work.Down.Add("{\"step\":2,\"redrives\":0}");
        var engine = new LocalEngine(work.Registry());

        var failed = await engine.ExecuteAsync(definition, JsonNode.Parse("""{"file": "a.json"}"""), Asl.Options());
        var redriven = await engine.RedriveAsync(definition, failed, RedriveOptions());

        failed.Status.Should().Be(ExecutionStatus.Failed);
        failed.RedrivePoint!.StateName.Should().Be("Second");
        redriven.ShouldSucceed();
        (redriven.Name, redriven.ExecutionArn, redriven.RedriveCount).Should().Be((failed.Name, failed.ExecutionArn, 1));
        work.CallsFor(new { step = 1 }).Should().Be(1, "First succeeded and is not run again");
        work.CallsFor(new { step = 2, redrives = 1 }).Should().Be(1, "Second runs again, and sees $$.Execution.RedriveCount 1");
        redriven.Output.ShouldBeJson("""{"file": "a.json", "first": {"done": {"step": 1}}, "second": {"done": {"step": 2, "redrives": 1}}}""");
    }

    [Fact]
    public async Task TheHistoryGoesOn_WithAnExecutionRedrivenEvent_AndIdsThatContinue()
    {
        var work = new FlakyWork();
        work.Down.Add("{\"step\":1}");
        var definition = OneStep;
        var engine = new LocalEngine(work.Registry());
        var failed = await engine.ExecuteAsync(definition, new JsonObject(), Asl.Options());
        work.Down.Clear();

        var redriven = await engine.RedriveAsync(definition, failed, RedriveOptions());

        redriven.History.Take(failed.History.Count).Should().Equal(failed.History);
        var redrivenEvent = redriven.History[failed.History.Count];
        (redrivenEvent.Type, redrivenEvent.Id, redrivenEvent.PreviousEventId).Should().Be((HistoryEventType.ExecutionRedriven, failed.History.Count + 1, failed.History.Count));
        redrivenEvent.Details["redriveCount"]!.GetValue<int>().Should().Be(1);
        redrivenEvent.Timestamp.Should().Be(Asl.Start.AddHours(1));
        redriven.History.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        redriven.History[^1].Type.Should().Be(HistoryEventType.ExecutionSucceeded);
        redriven.StartTime.Should().Be(failed.StartTime, "a redriven execution keeps its start");
    }

    [Fact]
    public async Task AnInlineMap_RunsOnlyTheIterationsThatFailed()
    {
        var work = new FlakyWork();
        work.Down.Add("3");
        var definition = InlineMapOfWork;
        var engine = new LocalEngine(work.Registry());
        var failed = await engine.ExecuteAsync(definition, JsonNode.Parse("""{"items": [1, 2, 3, 4, 5]}"""), Asl.Options());
        work.Down.Clear();

        var redriven = await engine.RedriveAsync(definition, failed, RedriveOptions());

        failed.Status.Should().Be(ExecutionStatus.Failed);
        redriven.ShouldSucceed();
        redriven.Output.ShouldBeJson("""[{"done": 1}, {"done": 2}, {"done": 3}, {"done": 4}, {"done": 5}]""");
        work.CallsFor(3).Should().Be(2, "the failed iteration runs again");
        foreach (var item in failed.RedrivePoint!.Completed.Keys.Select(index => index + 1))
        {
            work.CallsFor(item).Should().Be(1, $"iteration {item - 1} had succeeded");
        }

        redriven.History.Skip(failed.History.Count).Count(e => e.Type == HistoryEventType.MapIterationStarted)
            .Should().Be(5 - failed.RedrivePoint.Completed.Count);
    }

    [Fact]
    public async Task AParallelState_RunsOnlyTheBranchesThatFailed()
    {
        var work = new FlakyWork();
        work.Down.Add("{\"branch\":\"b\"}");
        string Branch(string name) => $$"""{ "StartAt": "W", "States": { "W": { "Type": "Task", "Resource": "{{WorkArn}}", "Parameters": { "branch": "{{name}}" }, "End": true } } }""";
        var definition = StateMachine.Parse($$"""
            { "StartAt": "Both", "States": { "Both": { "Type": "Parallel", "Branches": [ {{Branch("a")}}, {{Branch("b")}} ], "End": true } } }
            """);
        var engine = new LocalEngine(work.Registry());
        var failed = await engine.ExecuteAsync(definition, new JsonObject(), Asl.Options());
        work.Down.Clear();

        var redriven = await engine.RedriveAsync(definition, failed, RedriveOptions());

        redriven.ShouldSucceed();
        redriven.Output.ShouldBeJson("""[{"done": {"branch": "a"}}, {"done": {"branch": "b"}}]""");
        (work.CallsFor(new { branch = "a" }), work.CallsFor(new { branch = "b" })).Should().Be((1, 2));
    }

    [Fact]
    public async Task ADistributedMap_RedrivesItsMapRun_RunningOnlyTheChildrenThatFailed_AndWritesEveryResult()
    {
        var work = new FlakyWork();
        work.Down.Add("{\"n\":2}");
        work.Down.Add("{\"n\":4}");
        var store = new InMemoryObjectStore();
        store.Objects[("work", "items.jsonl")] = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(1, 5).Select(n => $$"""{"n":{{n}}}""")));
        var definition = StateMachine.Parse($$"""
            {
              "StartAt": "Each",
              "States": {
                "Each": {
                  "Type": "Map",
                  "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "JSONL" }, "Parameters": { "Bucket": "work", "Key": "items.jsonl" } },
                  "ItemProcessor": {
                    "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" },
                    "StartAt": "Work", "States": { "Work": { "Type": "Task", "Resource": "{{WorkArn}}", "End": true } }
                  },
                  "ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "work", "Prefix": "results" } },
                  "End": true
                }
              }
            }
            """);
        var engine = new LocalEngine(work.Registry(), store);
        var failed = await engine.ExecuteAsync(definition, new JsonObject(), Asl.Options());
        work.Down.Clear();

        var redriven = await engine.RedriveAsync(definition, failed, RedriveOptions());

        failed.Error.Should().Be(Pipeline.Workflows.Model.ErrorNames.ExceedToleratedFailureThreshold);
        redriven.ShouldSucceed();
        var mapRunArn = failed.Events(HistoryEventType.MapRunStarted).Single().Details["mapRunArn"]!.GetValue<string>();
        var redrivenRun = redriven.Events(HistoryEventType.MapRunRedriven).Single().Details;
        (redrivenRun["mapRunArn"]!.GetValue<string>(), redrivenRun["redriveCount"]!.GetValue<int>()).Should().Be((mapRunArn, 1));
        var rerun = redriven.Children.Count;
        rerun.Should().Be(5 - failed.RedrivePoint!.Completed.Count, "only the children that did not succeed run again");
        Enumerable.Range(1, 5).Select(n => work.CallsFor(new { n })).Sum().Should().Be(failed.Children.Count + rerun);
        var manifestKey = redriven.Output!["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        manifestKey.Should().Be($"results/{mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..]}/manifest.json", "the redriven Map Run writes under its own id");
        var manifest = JsonNode.Parse(store.Text("work", manifestKey))!;
        manifest["ResultFiles"]!["FAILED"]!.AsArray().Should().BeEmpty();
        var succeeded = JsonNode.Parse(store.Text("work", manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>()))!.AsArray();
        succeeded.Select(entry => JsonNode.Parse(entry!["Output"]!.GetValue<string>())!["done"]!["n"]!.GetValue<int>()).Order()
            .Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task AnExecutionThatEndedInAFailState_RunsThatFailStateAgain_AsAWSDoes()
    {
        var work = new FlakyWork();
        work.Down.Add("{\"step\":1}");
        var definition = StateMachine.Parse($$"""
            {
              "StartAt": "Only",
              "States": {
                "Only": { "Type": "Task", "Resource": "{{WorkArn}}", "Parameters": { "step": 1 }, "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Failed" } ], "End": true },
                "Failed": { "Type": "Fail", "Error": "Caught", "Cause": "the step failed and was caught" }
              }
            }
            """);
        var engine = new LocalEngine(work.Registry());
        var failed = await engine.ExecuteAsync(definition, new JsonObject(), Asl.Options());
        work.Down.Clear();

        var redriven = await engine.RedriveAsync(definition, failed, RedriveOptions());

        failed.RedrivePoint!.StateName.Should().Be("Failed");
        (redriven.Status, redriven.Error).Should().Be((ExecutionStatus.Failed, "Caught"));
        work.CallsFor(new { step = 1 }).Should().Be(1, "a caught failure is not where the execution failed: a redrive starts at the Fail state");
    }

    [Fact]
    public async Task ARedriveThatFailsAgain_CanBeRedrivenAgain_AndCountsEachRedrive()
    {
        var work = new FlakyWork();
        work.Down.Add("{\"step\":1}");
        var definition = OneStep;
        var engine = new LocalEngine(work.Registry());
        var first = await engine.ExecuteAsync(definition, new JsonObject(), Asl.Options());
        var second = await engine.RedriveAsync(definition, first, RedriveOptions());
        work.Down.Clear();

        var third = await engine.RedriveAsync(definition, second, RedriveOptions() with { StartTime = Asl.Start.AddHours(2) });

        (second.Status, second.RedriveCount).Should().Be((ExecutionStatus.Failed, 1));
        (third.Status, third.RedriveCount).Should().Be((ExecutionStatus.Succeeded, 2));
        third.Events(HistoryEventType.ExecutionRedriven).Select(e => e.Details["redriveCount"]!.GetValue<int>()).Should().Equal(1, 2);
    }

    [Fact]
    public async Task SucceededAndExpressExecutions_AreNotRedrivable()
    {
        var definition = StateMachine.Parse("""{ "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } }""");
        var failing = StateMachine.Parse("""{ "StartAt": "F", "States": { "F": { "Type": "Fail", "Error": "E" } } }""");
        var engine = new LocalEngine(new TaskRegistry());
        var succeeded = await engine.ExecuteAsync(definition, new JsonObject(), Asl.Options());
        var express = await engine.ExecuteAsync(failing, new JsonObject(), Asl.Options(WorkflowVariant.Express));

        var redriveSucceeded = () => engine.RedriveAsync(definition, succeeded);
        var redriveExpress = () => engine.RedriveAsync(failing, express);

        (await redriveSucceeded.Should().ThrowAsync<ExecutionNotRedrivableException>()).Which.Reason.Should().Contain("SUCCEEDED");
        (await redriveExpress.Should().ThrowAsync<ExecutionNotRedrivableException>()).Which.Reason.Should().Contain("EXPRESS");
    }

    [Fact]
    public async Task AFailedExecutionWrittenToARecordAndReadBack_RedrivesAsTheOriginalWould()
    {
        var work = new FlakyWork();
        work.Down.Add("2");
        var definition = InlineMapOfWork;
        var engine = new LocalEngine(work.Registry());
        var failed = await engine.ExecuteAsync(definition, JsonNode.Parse("""{"items": [1, 2, 3]}"""), Asl.Options());
        work.Down.Clear();

        var read = ExecutionRecord.Read(JsonNode.Parse(ExecutionRecord.Write(failed).ToJsonString())!.AsObject());
        var redriven = await engine.RedriveAsync(definition, read, RedriveOptions());

        (read.Name, read.ExecutionArn, read.Status, read.Error, read.StartTime, read.StopTime).Should().Be(
            (failed.Name, failed.ExecutionArn, failed.Status, failed.Error, failed.StartTime, failed.StopTime));
        read.History.Select(e => e.ToJson().ToJsonString()).Should().Equal(failed.History.Select(e => e.ToJson().ToJsonString()));
        read.RedrivePoint!.Completed.Keys.Should().BeEquivalentTo(failed.RedrivePoint!.Completed.Keys);
        redriven.ShouldSucceed();
        redriven.Output.ShouldBeJson("""[{"done": 1}, {"done": 2}, {"done": 3}]""");
        work.CallsFor(2).Should().Be(2);
    }
}
