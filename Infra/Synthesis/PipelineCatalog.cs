namespace Pipeline.Infra.Synthesis;

/// <summary>
/// The handlers, table key and bucket layout the program deploys. This is the one place that names them
/// on the infrastructure side; it mirrors the Functions project's data contract.
/// </summary>
public static class PipelineCatalog
{
    public static StorageLayout Layout { get; } = new("incoming/", "work/", "quarantine/");

    public static TableKeySchema TableKey { get; } = new("pk", "S", "sk", "S");

    public static IReadOnlyList<PipelineFunction> Functions { get; } =
    [
        Function("LoadBatch", new FunctionAccess([Layout.Incoming], [Layout.Work], [])),
        Function("Validate", new FunctionAccess([Layout.Work], [Layout.Work], [])),
        Function("Transform", new FunctionAccess([Layout.Work], [Layout.Work], [])),
        Function("Store", new FunctionAccess([Layout.Work], [], ["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:GetItem"]), "TABLE_NAME"),
        Function("Quarantine", new FunctionAccess([Layout.Work], [Layout.Quarantine], [])),
    ];

    private static PipelineFunction Function(string id, FunctionAccess access, string? tableVariable = null) =>
        new(id, $"Functions::Pipeline.Functions.{id}Handler::HandleAsync", access, tableVariable);
}
