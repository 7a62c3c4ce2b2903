namespace Pipeline.Functions;

/// <summary>
/// Written by LoadBatch next to the chunks: Validate checks the chunk list and the record count
/// against it, so a record cannot go missing between loading and validation unnoticed.
/// </summary>
public sealed record ChunkManifest(SourceObject Source, string Format, int RecordCount, IReadOnlyList<string> ChunkKeys);
