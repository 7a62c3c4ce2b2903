namespace Pipeline.Local.Definition;

/// <summary>The ASL definition cannot be run: malformed JSON, a missing field, or a feature the engine does not support.</summary>
public sealed class InvalidDefinitionException : Exception
{
    public InvalidDefinitionException(string message)
        : base(message)
    {
    }

    public InvalidDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidDefinitionException()
    {
    }
}
