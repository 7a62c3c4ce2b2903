namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>A file read into chunk objects held in memory: each chunk is an NDJSON document of record envelopes.</summary>
public sealed record LoadedChunks(InputFormat Format, int RecordCount, IReadOnlyList<byte[]> Chunks);
