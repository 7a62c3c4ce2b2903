namespace Pipeline.Workflows;

/// <summary>A literal JSON null.</summary>
public sealed record PayloadNull : PayloadValue
{
    private PayloadNull()
    {
    }

    public static PayloadNull Instance { get; } = new();
}
