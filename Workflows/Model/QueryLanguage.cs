namespace Pipeline.Workflows.Model;

/// <summary>
/// The language a state's fields are written in. A state takes its own, else the state machine's; JSONPath when neither
/// names one.
/// </summary>
public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}

/// <summary>
/// The wire names of <see cref="QueryLanguage"/> and which states a state machine may hold, for every reader of ASL: the
/// renderer, the validator and the local engine.
/// </summary>
public static class QueryLanguages
{
    public const string JsonPath = "JSONPath";
    public const string Jsonata = "JSONata";

    public static string NameOf(QueryLanguage language) => language == QueryLanguage.Jsonata ? Jsonata : JsonPath;

    /// <summary>The language named <paramref name="name"/>, or null when it names neither.</summary>
    public static QueryLanguage? Parse(string? name) => name switch
    {
        JsonPath => QueryLanguage.JsonPath,
        Jsonata => QueryLanguage.Jsonata,
        _ => null,
    };

    /// <summary>
    /// Whether a state machine in <paramref name="machine"/> may hold a state in <paramref name="state"/>: a JSONPath machine
    /// may hold JSONata states, a JSONata machine no JSONPath state (Step Functions developer guide, "Transforming data with
    /// JSONata": CreateStateMachine refuses it).
    /// </summary>
    public static bool CanHold(QueryLanguage machine, QueryLanguage state) =>
        machine == QueryLanguage.JsonPath || state == QueryLanguage.Jsonata;
}
