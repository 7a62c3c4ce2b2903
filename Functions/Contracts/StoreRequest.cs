namespace Pipeline.Functions;

public sealed record StoreRequest(SourceObject Source, string TransformedKey);
