namespace Pipeline.Infra.Aws;

/// <summary><c>tracingConfig</c> of a function.</summary>
public sealed record FunctionTracingConfig
{
    /// <summary><c>Active</c> or <c>PassThrough</c>.</summary>
    public required string Mode { get; init; }
}
