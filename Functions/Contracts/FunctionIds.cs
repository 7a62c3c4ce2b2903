namespace Pipeline.Functions.Contracts;

/// <summary>The logical function ids: the only way the workflow names its Lambda tasks.</summary>
public static class FunctionIds
{
    public const string LoadBatch = "LoadBatch";
    public const string Validate = "Validate";
    public const string Transform = "Transform";
    public const string Store = "Store";
    public const string Quarantine = "Quarantine";
}
