namespace Pipeline.Workflows;

/// <summary>
/// The language a state's fields are written in. A state takes its own, else the state machine's; JSONPath when neither
/// names one.
/// </summary>
public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
