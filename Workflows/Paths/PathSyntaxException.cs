namespace Pipeline.Workflows.Paths;

/// <summary>A JSONPath, reference path or intrinsic function call that does not parse; the message says why.</summary>
public sealed class PathSyntaxException : Exception
{
    public PathSyntaxException()
    {
    }

    public PathSyntaxException(string message)
        : base(message)
    {
    }

    public PathSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
