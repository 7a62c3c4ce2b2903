namespace Pipeline.Functions.Runtime;

/// <summary>
/// The error document the Runtime API takes. <paramref name="ErrorType"/> is the exception's simple class name
/// (<c>InvalidInput</c>, <c>StoreIncomplete</c>, ...): Step Functions reports it as the task's error, which the
/// workflow's Retry and Catch match.
/// </summary>
public sealed record FunctionError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public static FunctionError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var trace = (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FunctionError(exception.GetType().Name, exception.Message, trace);
    }
}
