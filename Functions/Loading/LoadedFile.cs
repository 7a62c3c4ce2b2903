namespace Pipeline.Functions;

/// <summary>A file read into chunk objects: each chunk is an NDJSON document of record envelopes.</summary>
public sealed record LoadedFile(InputFormat Format, int RecordCount, IReadOnlyList<byte[]> Chunks);
