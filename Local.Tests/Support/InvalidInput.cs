namespace Pipeline.Local.Tests.Support;

/// <summary>Named like the pipeline's malformed-input error: Step Functions reports the exception's class name.</summary>
public sealed class InvalidInput : Exception
{
    public InvalidInput(string message)
        : base(message)
    {
    }

    public InvalidInput()
    {
    }

    public InvalidInput(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
