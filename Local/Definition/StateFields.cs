namespace Pipeline.Local.Definition;

/// <summary>
/// The fields each state type takes in the JSONPath query language (Amazon States Language specification, and the
/// Map state's distributed fields from the Step Functions developer guide). CreateStateMachine refuses any other field
/// with SCHEMA_VALIDATION_FAILED; the engine refuses it when it loads the definition.
/// </summary>
internal static class StateFields
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];

    private static readonly string[] Flow = ["Next", "End"];

    private static readonly string[] InputOutput = ["InputPath", "OutputPath"];

    private static readonly string[] Recoverable = ["ResultPath", "ResultSelector", "Retry", "Catch"];

    private static readonly Dictionary<string, HashSet<string>> ByType = new(StringComparer.Ordinal)
    {
        ["Pass"] = Fields(Flow, InputOutput, ["ResultPath", "Parameters", "Result", "Assign"]),
        ["Task"] = Fields(Flow, InputOutput, Recoverable, ["Resource", "Parameters", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Assign"]),
        ["Choice"] = Fields(InputOutput, ["Choices", "Default", "Assign"]),
        ["Wait"] = Fields(Flow, InputOutput, ["Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"]),
        ["Succeed"] = Fields(InputOutput),
        ["Fail"] = Fields(["Error", "ErrorPath", "Cause", "CausePath"]),
        ["Parallel"] = Fields(Flow, InputOutput, Recoverable, ["Parameters", "Branches", "Assign"]),
        ["Map"] = Fields(Flow, InputOutput, Recoverable,
        [
            "Parameters", "ItemSelector", "Iterator", "ItemProcessor", "ItemsPath", "MaxConcurrency", "MaxConcurrencyPath", "ItemReader",
            "ItemBatcher", "ResultWriter", "ToleratedFailureCount", "ToleratedFailurePercentage", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath", "Label", "Assign",
        ]),
    };

    /// <summary>The fields of JSONata states (developer guide, "Transforming data with JSONata"): no path fields.</summary>
    private static readonly Dictionary<string, HashSet<string>> JsonataByType = new(StringComparer.Ordinal)
    {
        ["Pass"] = Fields(Flow, ["Output", "Assign"]),
        ["Task"] = Fields(Flow, ["Resource", "Arguments", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds"]),
        ["Choice"] = Fields(["Choices", "Default", "Output", "Assign"]),
        ["Wait"] = Fields(Flow, ["Seconds", "Timestamp", "Output", "Assign"]),
        ["Succeed"] = Fields(["Output"]),
        ["Fail"] = Fields(["Error", "Cause"]),
        ["Parallel"] = Fields(Flow, ["Branches", "Arguments", "Output", "Assign", "Retry", "Catch"]),
        ["Map"] = Fields(Flow,
        [
            "ItemProcessor", "Items", "ItemSelector", "MaxConcurrency", "Output", "Assign", "Retry", "Catch", "ItemReader", "ItemBatcher",
            "ResultWriter", "ToleratedFailureCount", "ToleratedFailurePercentage", "Label",
        ]),
    };

    /// <summary>The first field a state of <paramref name="type"/> does not take; null when all are valid (or the type is unknown, refused elsewhere).</summary>
    public static string? FirstInvalid(string? type, bool jsonata, IEnumerable<string> fields) =>
        type is not null && (jsonata ? JsonataByType : ByType).TryGetValue(type, out var allowed) ? fields.FirstOrDefault(field => !allowed.Contains(field)) : null;

    private static HashSet<string> Fields(params string[][] groups) => new(Common.Concat(groups.SelectMany(group => group)), StringComparer.Ordinal);
}
