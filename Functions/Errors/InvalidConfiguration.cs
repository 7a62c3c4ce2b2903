namespace Pipeline.Functions;

/// <summary>A handler's environment is missing a variable or holds a value it cannot use.</summary>
public sealed class InvalidConfiguration : Exception
{
    public InvalidConfiguration(string variable, string problem)
        : base($"environment variable {variable}: {problem}")
    {
        Variable = variable;
    }

    public string Variable { get; }
}
