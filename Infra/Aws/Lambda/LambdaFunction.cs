using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.Lambda;

/// <summary>A Lambda function running one handler.</summary>
public sealed partial record LambdaFunction : Resource
{
    public static readonly ResourceType Token = new("lambda", "Function");

    public LambdaFunction(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Name { get; init; }

    public required string Runtime { get; init; }

    public required IReadOnlyList<string> Architectures { get; init; }

    public required string Handler { get; init; }

    /// <summary>The execution role ARN.</summary>
    public required Input Role { get; init; }

    public required FileArchive Code { get; init; }

    public required int MemorySize { get; init; }

    public required int Timeout { get; init; }

    public FunctionEnvironment? Environment { get; init; }

    public required FunctionLoggingConfig LoggingConfig { get; init; }

    public required FunctionTracingConfig TracingConfig { get; init; }
}

/// <summary><c>environment</c> of a function.</summary>
public sealed partial record FunctionEnvironment : IPulumiObject
{
    public required IReadOnlyDictionary<string, Input> Variables { get; init; }
}

/// <summary><c>loggingConfig</c> of a function.</summary>
public sealed partial record FunctionLoggingConfig : IPulumiObject
{
    public required string LogFormat { get; init; }

    public required Input LogGroup { get; init; }

    public required string ApplicationLogLevel { get; init; }

    public required string SystemLogLevel { get; init; }
}

/// <summary><c>tracingConfig</c> of a function.</summary>
public sealed partial record FunctionTracingConfig : IPulumiObject
{
    /// <summary><c>Active</c> or <c>PassThrough</c>.</summary>
    public required string Mode { get; init; }
}
