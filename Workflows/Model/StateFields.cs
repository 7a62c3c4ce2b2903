namespace Pipeline.Workflows.Model;

/// <summary>
/// The fields each state type takes in each query language: the Amazon States Language specification and, for JSONata
/// and variables, the Step Functions developer guide ("Transforming data with JSONata", "Passing data between states with
/// variables", and the Map state's distributed fields). CreateStateMachine refuses any other field with
/// SCHEMA_VALIDATION_FAILED; the validator and the local engine refuse it from these same sets.
/// </summary>
public static class StateFields
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];

    private static readonly string[] Flow = ["Next", "End"];

    private static readonly string[] InputOutput = ["InputPath", "OutputPath"];

    private static readonly string[] Recoverable = ["ResultPath", "ResultSelector", "Retry", "Catch"];

    private static readonly Dictionary<string, HashSet<string>> JsonPathByType = new(StringComparer.Ordinal)
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

    /// <summary>JSONata states have no path fields: <c>Arguments</c> and <c>Output</c> replace them.</summary>
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

    /// <summary>Whether a state of <paramref name="type"/> in <paramref name="language"/> takes <paramref name="field"/>; false for an unknown type.</summary>
    public static bool Allows(string type, QueryLanguage language, string field) =>
        (language == QueryLanguage.Jsonata ? JsonataByType : JsonPathByType).TryGetValue(type, out var allowed) && allowed.Contains(field);

    /// <summary>The first field a state of <paramref name="type"/> does not take; null when all are valid or the type is unknown (refused elsewhere).</summary>
    public static string? FirstInvalid(string? type, QueryLanguage language, IEnumerable<string> fields) =>
        type is not null && (language == QueryLanguage.Jsonata ? JsonataByType : JsonPathByType).ContainsKey(type)
            ? fields.FirstOrDefault(field => !Allows(type, language, field))
            : null;

    private static HashSet<string> Fields(params string[][] groups) => new(Common.Concat(groups.SelectMany(group => group)), StringComparer.Ordinal);
}
