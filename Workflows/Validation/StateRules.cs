using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>Rules about one state's own fields.</summary>
internal static class StateRules
{
    public static void Check(State state, QueryLanguage machine, QueryLanguage language, string path, List<ValidationError> errors)
    {
        void Error(string message) => errors.Add(new(path, message));

        LanguageRules.Check(state, machine, language, Error);
        if (state is FlowState flow)
            CheckFlow(flow, Error);
        if (state is RecoverableState recoverable)
            RecoveryRules.Check(recoverable, Error);
        if (language == QueryLanguage.Jsonata)
        {
            JsonataRules.Check(state, Error);
        }
        else
        {
            foreach (var (field, value) in state.Payloads())
                PayloadRules.CheckTemplate(field, value, Error);
        }

        switch (state)
        {
            case TaskState task:
                CheckTask(task, Error);
                break;
            case PassState pass:
                CheckPass(pass, Error);
                break;
            case WaitState wait:
                CheckWait(wait, Error);
                break;
            case ChoiceState choice:
                CheckChoice(choice, language, Error);
                break;
            case ParallelState parallel:
                if (parallel.Branches.IsEmpty)
                    Error("Parallel has no branches");
                break;
            case MapState map:
                CheckMap(map, Error);
                break;
            case SucceedState succeed:
                CheckPath("InputPath", succeed.InputPath, Error);
                CheckPath("OutputPath", succeed.OutputPath, Error);
                break;
            case FailState fail:
                CheckFail(fail, Error);
                break;
        }
    }

    public static void CheckPath(string field, DataPath? value, Action<string> error)
    {
        if (value?.Path is { } path && AslSyntax.Path(path) is { } reason)
            error($"{field} '{path}' is not a valid JSONPath: {reason}");
    }

    public static void CheckResultPath(string field, DataPath? value, Action<string> error)
    {
        if (value?.Path is { } path && AslSyntax.ReferencePath(path, allowContext: false) is { } reason)
            error($"{field} '{path}' is not a valid reference path: {reason}");
    }

    public static void CheckReferencePath(string field, string? path, Action<string> error)
    {
        if (path is not null && AslSyntax.ReferencePath(path, allowContext: true) is { } reason)
            error($"{field} '{path}' is not a valid reference path: {reason}");
    }

    private static void CheckFlow(FlowState flow, Action<string> error)
    {
        if (flow.Next is not null && flow.End)
            error("has both Next and End");
        else if (flow.Next is null && !flow.End)
            error("has neither Next nor End: every path must end in a terminal state");
        CheckPath("InputPath", flow.InputPath, error);
        CheckPath("OutputPath", flow.OutputPath, error);
    }

    private static void CheckTask(TaskState task, Action<string> error)
    {
        if (!task.Resource.StartsWith("arn:", StringComparison.Ordinal))
            error($"Resource '{task.Resource}' is not an ARN");
        if (task.TimeoutSeconds < 1)
            error($"TimeoutSeconds must be >= 1 (is {task.TimeoutSeconds})");
        if (task.HeartbeatSeconds < 1)
            error($"HeartbeatSeconds must be >= 1 (is {task.HeartbeatSeconds})");
        if (task.HeartbeatSeconds >= task.TimeoutSeconds)
            error($"HeartbeatSeconds ({task.HeartbeatSeconds}) must be less than TimeoutSeconds ({task.TimeoutSeconds})");
    }

    private static void CheckPass(PassState pass, Action<string> error)
    {
        CheckResultPath("ResultPath", pass.ResultPath, error);
        if (pass.Result is not null && PayloadRules.ContainsExpression(pass.Result))
            error("Result is literal JSON and cannot hold paths or intrinsic functions: use Parameters");
    }

    private static void CheckWait(WaitState wait, Action<string> error)
    {
        var given = new[]
        {
            wait.Seconds is not null, wait.Timestamp is not null, wait.SecondsPath is not null, wait.TimestampPath is not null,
            wait.SecondsExpression is not null, wait.TimestampExpression is not null,
        }.Count(set => set);
        if (given != 1)
            error($"Wait needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath (has {given})");
        if (wait.Seconds < 0)
            error($"Seconds must be >= 0 (is {wait.Seconds})");
        CheckReferencePath("SecondsPath", wait.SecondsPath, error);
        CheckReferencePath("TimestampPath", wait.TimestampPath, error);
    }

    private static void CheckChoice(ChoiceState choice, QueryLanguage language, Action<string> error)
    {
        if (choice.Choices.IsEmpty)
            error("Choice has no choice rules");
        // A JSONata rule's Condition is checked with the state's expressions; a misplaced one is the language rules' to refuse.
        for (var index = 0; language == QueryLanguage.JsonPath && index < choice.Choices.Length; index++)
        {
            if (choice.Choices[index].Condition is not JsonataCondition)
                ConditionRules.Check($"Choices[{index}]", choice.Choices[index].Condition, error);
        }
        CheckPath("InputPath", choice.InputPath, error);
        CheckPath("OutputPath", choice.OutputPath, error);
    }

    private static void CheckMap(MapState map, Action<string> error)
    {
        if (map.ItemProcessor is null)
            error("Map has no ItemProcessor");
        if (map.MaxConcurrency < 0)
            error($"MaxConcurrency must be >= 0 (is {map.MaxConcurrency})");
        if (map.MaxConcurrency is not null && map.MaxConcurrencyExpression is not null)
            error("MaxConcurrency is either a number or a JSONata expression, not both");
        CheckReferencePath("ItemsPath", map.ItemsPath, error);
        if (!map.IsDistributed)
        {
            foreach (var (field, value) in DistributedOnly(map).Where(field => field.Value is not null))
                error($"{field} applies only to a distributed Map (ProcessorConfig Mode DISTRIBUTED)");
            return;
        }

        if (map.MaxConcurrency > DistributedMaxConcurrency)
            error($"MaxConcurrency of a distributed Map must be <= {DistributedMaxConcurrency} (is {map.MaxConcurrency})");
        if (map.ItemReader is not null && (map.ItemsPath is not null || map.Items is not null))
            error("a Map reads its items from ItemReader or from ItemsPath (Items in JSONata), not both");
        if (map.ItemReader is { InputType: not (MapItemReader.Json or MapItemReader.JsonLines or MapItemReader.Csv or MapItemReader.Manifest) } reader)
            error($"ItemReader InputType '{reader.InputType}' is not JSON, JSONL, CSV or MANIFEST");
        if (map.ItemBatcher is { MaxItemsPerBatch: null, MaxInputBytesPerBatch: null })
            error("ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch");
        if (map.ToleratedFailureCount < 0)
            error($"ToleratedFailureCount must be >= 0 (is {map.ToleratedFailureCount})");
        if (map.ToleratedFailurePercentage is < 0 or > 100)
            error($"ToleratedFailurePercentage must be between 0 and 100 (is {map.ToleratedFailurePercentage})");
        if (map.Label is { } label && (label.Length > 40 || label.Any(c => char.IsWhiteSpace(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c))))
            error($"Label '{label}' must be at most 40 characters, without whitespace or special characters");
    }

    /// <summary>A distributed Map runs at most 10,000 child executions at once.</summary>
    private const int DistributedMaxConcurrency = 10_000;

    private static IEnumerable<(string Field, object? Value)> DistributedOnly(MapState map) =>
    [
        ("ItemReader", map.ItemReader), ("ItemBatcher", map.ItemBatcher), ("ResultWriter", map.ResultWriter),
        ("ToleratedFailureCount", map.ToleratedFailureCount), ("ToleratedFailurePercentage", map.ToleratedFailurePercentage), ("Label", map.Label),
    ];

    private static void CheckFail(FailState fail, Action<string> error)
    {
        if (fail.Error is not null && fail.ErrorPath is not null)
            error("Fail has both Error and ErrorPath");
        if (fail.Cause is not null && fail.CausePath is not null)
            error("Fail has both Cause and CausePath");
        foreach (var (field, value) in new[] { ("ErrorPath", fail.ErrorPath), ("CausePath", fail.CausePath) })
        {
            if (value is not null && AslSyntax.Expression(value) is { } reason)
                error($"{field}: {reason}");
        }
    }
}
