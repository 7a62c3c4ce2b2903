using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>
/// Where a distributed Map reads its items: the object <see cref="Parameters"/> name (<c>Bucket</c> and <c>Key</c>,
/// literal, path or resource) read as <see cref="InputType"/>: JSON (an array), JSONL, CSV (header in the first row), or
/// MANIFEST (an S3 Inventory manifest.json, whose CSV inventory files list the objects).
/// </summary>
public sealed record MapItemReader(PayloadObject Parameters, string InputType = MapItemReader.Json)
{
    public const string Json = "JSON";
    public const string JsonLines = "JSONL";
    public const string Csv = "CSV";
    public const string Manifest = "MANIFEST";

    public string Resource { get; init; } = IntegrationArns.S3GetObject;

    /// <summary>Reads at most this many items.</summary>
    public int? MaxItems { get; init; }
}

/// <summary>Groups a distributed Map's items: each child execution gets <c>{"Items": [...], "BatchInput": ...}</c>.</summary>
public sealed record MapItemBatcher(int? MaxItemsPerBatch, int? MaxInputBytesPerBatch = null)
{
    public PayloadObject? BatchInput { get; init; }
}

/// <summary>Where a distributed Map writes its children's results: <c>Bucket</c> and <c>Prefix</c> in <see cref="Parameters"/>.</summary>
public sealed record MapResultWriter(PayloadObject Parameters)
{
    public string Resource { get; init; } = IntegrationArns.S3PutObject;
}
