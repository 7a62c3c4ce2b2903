namespace Pipeline.Functions.Contracts;

/// <summary>The uploaded object a run is processing; its ETag identifies the exact version.</summary>
public sealed record SourceObject(string Bucket, string Key, string Etag);
