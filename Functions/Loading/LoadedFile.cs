namespace Pipeline.Functions;

/// <summary>What reading a file produced: its format, its records and how many chunk objects hold them.</summary>
public sealed record LoadedFile(InputFormat Format, int RecordCount, int ChunkCount);
