namespace Pipeline.Workflows;

/// <summary>A logical resource, rendered as the string the resolver binds it to (an ARN, a Pulumi interpolation, ...).</summary>
public sealed record PayloadResource(ResourceRef Reference) : PayloadValue;
