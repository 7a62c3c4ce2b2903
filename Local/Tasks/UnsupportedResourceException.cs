namespace Pipeline.Local.Tasks;

/// <summary>No local implementation serves a Task state's resource.</summary>
public sealed class UnsupportedResourceException : Exception
{
    public UnsupportedResourceException(string message)
        : base(message)
    {
    }

    public UnsupportedResourceException()
    {
    }

    public UnsupportedResourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
