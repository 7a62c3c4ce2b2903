using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>
/// A distributed Map's <c>ItemReader</c>: the object to read items from (<c>arn:aws:states:::s3:getObject</c> with
/// <see cref="Parameters"/>, its Parameters or, in JSONata, its Arguments, naming Bucket and Key) and how to read it.
/// </summary>
/// <param name="InputType">JSON (an array), JSONL (one item per line), CSV, or MANIFEST (an S3 Inventory manifest.json).</param>
/// <param name="CsvHeaders">The column names when the CSV has none (<c>CSVHeaderLocation: GIVEN</c>); null to read them from the first row.</param>
/// <param name="MaxItems">At most this many items are read; 0 reads all.</param>
public sealed record ItemReaderConfig(string Resource, JsonNode Parameters, string InputType, IReadOnlyList<string>? CsvHeaders, int MaxItems)
{
    /// <summary>JSONPath: a reference path (on the input, the context object or a variable) to MaxItems.</summary>
    public string? MaxItemsPath { get; init; }
}

/// <summary>
/// A distributed Map's <c>ItemBatcher</c>: each child execution gets <c>{"Items": [...]}</c> (plus <c>BatchInput</c>),
/// at most <see cref="MaxItemsPerBatch"/> items and <see cref="MaxInputBytesPerBatch"/> bytes of them (0: no bound).
/// </summary>
public sealed record ItemBatcherConfig(int MaxItemsPerBatch, int MaxInputBytesPerBatch, JsonNode? BatchInput);

/// <summary>A distributed Map's <c>ResultWriter</c>: <c>arn:aws:states:::s3:putObject</c> with Bucket and Prefix (its Parameters, or Arguments in JSONata).</summary>
public sealed record ResultWriterConfig(string Resource, JsonNode Parameters);
