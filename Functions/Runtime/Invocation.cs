namespace Pipeline.Functions.Runtime;

/// <summary>One event the Runtime API handed out, with the headers the runtime acts on.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>: names the invocation in the response, the error and the logs.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the function.</param>
/// <param name="FunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>: the X-Ray header, set as <c>_X_AMZN_TRACE_ID</c> while the invocation runs.</param>
/// <param name="Payload">The event, as sent.</param>
public sealed record Invocation(string RequestId, DateTimeOffset Deadline, string? FunctionArn, string? TraceId, byte[] Payload);
