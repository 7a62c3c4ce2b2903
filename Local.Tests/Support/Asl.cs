using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Support;

/// <summary>Runs small ASL definitions on the engine with a fixed start time and seed.</summary>
internal static class Asl
{
    public const string EchoArn = "arn:aws:lambda:us-east-1:123456789012:function:Echo";

    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ExecutionOptions Options(WorkflowVariant type = WorkflowVariant.Standard, int seed = 42) =>
        new() { StartTime = Start, Seed = seed, Type = type, Name = "test-execution", StateMachineName = "Test", KeepHistory = true };

    public static Task<ExecutionResult> RunAsync(string definition, string input = "{}", TaskRegistry? registry = null, ExecutionOptions? options = null) =>
        new LocalEngine(registry ?? new TaskRegistry()).ExecuteAsync(StateMachine.Parse(definition), JsonNode.Parse(input), options ?? Options());

    /// <summary>A machine of one state named "S" (End is added unless the state is terminal).</summary>
    public static string Single(JsonObject state)
    {
        if (state["Type"]?.GetValue<string>() is not ("Choice" or "Succeed" or "Fail"))
        {
            state["End"] = true;
        }

        return new JsonObject { ["StartAt"] = "S", ["States"] = new JsonObject { ["S"] = state } }.ToJsonString();
    }

    /// <summary>A machine whose only state is a Pass evaluating <paramref name="expression"/> into the output.</summary>
    public static string Expression(string expression) =>
        Single(new JsonObject
        {
            ["Type"] = "Pass",
            ["Parameters"] = new JsonObject { ["value.$"] = expression },
            ["OutputPath"] = "$.value",
        });

    /// <summary>A registry with an "Echo" function returning its input.</summary>
    public static TaskRegistry Echo() => new TaskRegistry().RegisterFunction("Echo", (JsonNode? input, CancellationToken _) => Task.FromResult(input?.DeepClone()));

    public static IReadOnlyList<HistoryEvent> Events(this ExecutionResult result, HistoryEventType type) =>
        result.History.Where(e => e.Type == type).ToList();

    public static double SecondsAfterStart(this HistoryEvent historyEvent) => (historyEvent.Timestamp - Start).TotalSeconds;

    public static void ShouldBeJson(this JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actual, expectedNode).Should().BeTrue(
            "expected {0} but found {1}", expectedNode?.ToJsonString() ?? "null", actual?.ToJsonString() ?? "null");
    }

    public static void ShouldSucceed(this ExecutionResult result) =>
        result.Status.Should().Be(ExecutionStatus.Succeeded, "the execution failed with {0}: {1}", result.Error, result.Cause);
}
