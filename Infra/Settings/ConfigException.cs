namespace Pipeline.Infra.Settings;

/// <summary>Bad or missing stack configuration. The message names the key and the stack, never a secret's value.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message) : base(message)
    {
    }

    public ConfigException()
    {
    }

    public ConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
