using Pipeline.Functions.Runtime;

namespace Pipeline.Local.Lambda;

/// <summary>Lambda could not run the function at all (its package has no entry point, say): the error Lambda would report.</summary>
public sealed class InvocationException(FunctionError error) : Exception($"{error.ErrorType}: {error.ErrorMessage}")
{
    public FunctionError Error { get; } = error;
}
