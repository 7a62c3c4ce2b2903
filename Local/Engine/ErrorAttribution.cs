namespace Pipeline.Local.Engine;

/// <summary>How Step Functions words the cause of an error it raised while running a state.</summary>
public static class ErrorAttribution
{
    public const string Prefix = "An error occurred while executing the state ";

    public static string Cause(string stateName, long enteredEventId, string? detail) =>
        $"{Prefix}'{stateName}' (entered at the event id #{enteredEventId}). {detail}".TrimEnd();
}
