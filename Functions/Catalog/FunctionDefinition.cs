namespace Pipeline.Functions;

/// <summary>A deployable function: its handler string, configuration, access needs and a factory.</summary>
/// <param name="Id">The logical function id the workflow uses.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="Handler">The Lambda handler string, <c>Assembly::Namespace.Type::Method</c>.</param>
/// <param name="Environment">The environment variables it reads.</param>
/// <param name="Access">The AWS access its role needs.</param>
/// <param name="Create">Creates the handler from given clients and environment (validated like at Lambda start-up).</param>
public sealed record FunctionDefinition(
    string Id,
    Type HandlerType,
    string Handler,
    IReadOnlyList<EnvironmentSetting> Environment,
    IReadOnlyList<ResourceAccess> Access,
    Func<FunctionHost, IFunctionHandler> Create);
