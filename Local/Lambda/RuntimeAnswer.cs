using Pipeline.Functions.Runtime;

namespace Pipeline.Local.Lambda;

/// <summary>What a runtime posted for an invocation: its response body, or its error with the document and error-type header as sent.</summary>
internal sealed record RuntimeAnswer(byte[]? Response, FunctionError? Error, string? ErrorDocument, string? ErrorTypeHeader);
