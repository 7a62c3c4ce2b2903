using System.Text.Json.Serialization;

namespace Pipeline.Functions.Runtime;

/// <summary>
/// The error document the Runtime API takes. <paramref name="ErrorType"/> is the exception's simple class name
/// (<c>InvalidInput</c>, <c>StoreIncomplete</c>, ...): Step Functions reports it as the task's error, which the
/// workflow's Retry and Catch match, and this document as the cause, which the failure notification quotes. It carries
/// no stack trace: a user reads the cause, while the trace goes to the function's log.
/// </summary>
public sealed record FunctionError(string ErrorType, string ErrorMessage)
{
    public static FunctionError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new FunctionError(exception.GetType().Name, exception.Message);
    }
}

/// <summary>Source-generated JSON for the Runtime API's error documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FunctionError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
