namespace Pipeline.Local.Lambda;

/// <summary>What the local Lambda service needs to run a function as Lambda would: the settings a deployed function has.</summary>
/// <param name="Name">The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>, and the name the workflow's ARN carries).</param>
/// <param name="Handler">The handler setting (<c>_HANDLER</c>).</param>
/// <param name="Architecture"><c>arm64</c> or <c>x86_64</c>.</param>
/// <param name="MemoryMb">The memory size (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</param>
/// <param name="Timeout">How long an invocation may run before Lambda stops it.</param>
/// <param name="Variables">The function's own environment variables, as the program declares them.</param>
/// <param name="Package">The deployment package: the zip the program uploads.</param>
public sealed record FunctionConfiguration(
    string Name,
    string Handler,
    string Architecture,
    int MemoryMb,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Variables,
    string Package);
