namespace Pipeline.Infra.Synthesis;

/// <summary>The prefixes of the one ingest bucket.</summary>
public sealed record StorageLayout(string Incoming, string Work, string Quarantine);
