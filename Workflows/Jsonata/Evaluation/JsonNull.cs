namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>JSON null at evaluation time; a C# null stands for JSONata's undefined.</summary>
internal sealed class JsonNull
{
    public static JsonNull Instance { get; } = new();

    private JsonNull()
    {
    }
}
