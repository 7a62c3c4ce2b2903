namespace Pipeline.Functions;

/// <summary>
/// The payload a function received is not its request type: a wiring fault between the workflow and the function,
/// never retried. The class name is the error name the workflow sees.
/// </summary>
public sealed class InvalidPayload : Exception
{
    public InvalidPayload(string requestType, string problem)
        : base($"the payload is not a {requestType}: {problem}")
    {
        RequestType = requestType;
    }

    public string RequestType { get; }
}
