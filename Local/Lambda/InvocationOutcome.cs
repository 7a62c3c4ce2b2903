using Pipeline.Functions.Runtime;

namespace Pipeline.Local.Lambda;

/// <summary>
/// How one invocation ended, as the local Lambda service recorded it: the response the runtime posted, or the error
/// document it posted (or Lambda's own error when the runtime never answered), with timings.
/// </summary>
/// <param name="Function">The function name.</param>
/// <param name="RequestId">The request id the Runtime API handed out.</param>
/// <param name="Response">The response body, when the invocation succeeded.</param>
/// <param name="Error">The error, when it failed.</param>
/// <param name="ErrorDocument">The error body as posted (what Step Functions shows as the cause).</param>
/// <param name="ErrorTypeHeader">The <c>Lambda-Runtime-Function-Error-Type</c> header the runtime sent with its error.</param>
/// <param name="Duration">From the event's hand-out to the runtime's answer (Lambda's REPORT "Duration").</param>
/// <param name="InitDuration">
/// For the first invocation of a new execution environment (a cold start): from the process's start to its runtime's
/// first request for an event (Lambda's REPORT "Init Duration"); null for a warm invocation.
/// </param>
/// <param name="PeakMemoryBytes">The process's peak resident memory when it answered (Lambda's REPORT "Max Memory Used").</param>
public sealed record InvocationOutcome(
    string Function,
    string RequestId,
    byte[]? Response,
    FunctionError? Error,
    string? ErrorDocument,
    string? ErrorTypeHeader,
    TimeSpan Duration,
    TimeSpan? InitDuration,
    long PeakMemoryBytes)
{
    public bool ColdStart => InitDuration is not null;

    public bool Succeeded => Error is null;
}
