namespace Pipeline.Local.Errors;

/// <summary>A state failed with a Step Functions error name and cause; Retry and Catch match on <see cref="Error"/>.</summary>
public sealed class StatesErrorException : Exception
{
    public StatesErrorException(string error, string? cause)
        : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }
}
