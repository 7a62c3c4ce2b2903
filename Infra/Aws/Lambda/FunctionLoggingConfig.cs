using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>loggingConfig</c> of a function.</summary>
public sealed record FunctionLoggingConfig : IPulumiObject
{
    public required string LogFormat { get; init; }

    public required Input LogGroup { get; init; }

    public required string ApplicationLogLevel { get; init; }

    public required string SystemLogLevel { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("logFormat", LogFormat),
        new("logGroup", LogGroup),
        new("applicationLogLevel", ApplicationLogLevel),
        new("systemLogLevel", SystemLogLevel),
    ];
}
