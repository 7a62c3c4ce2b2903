namespace Pipeline.Functions;

public sealed record TransformResult(string TransformedKey, int Count);
