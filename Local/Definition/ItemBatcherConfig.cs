using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>
/// A distributed Map's <c>ItemBatcher</c>: each child execution gets <c>{"Items": [...]}</c> (plus <c>BatchInput</c>),
/// at most <see cref="MaxItemsPerBatch"/> items and <see cref="MaxInputBytesPerBatch"/> bytes of them (0: no bound).
/// </summary>
public sealed record ItemBatcherConfig(int MaxItemsPerBatch, int MaxInputBytesPerBatch, JsonNode? BatchInput);
