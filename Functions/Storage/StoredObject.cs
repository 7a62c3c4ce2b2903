namespace Pipeline.Functions;

/// <summary>An object's bytes with its (unquoted) ETag and content type.</summary>
public sealed record StoredObject(byte[] Data, string Etag, string? ContentType);
