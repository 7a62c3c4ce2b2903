using System.Text.Json.Serialization.Metadata;
using Pipeline.Functions.Handlers;

namespace Pipeline.Functions.Catalog;

/// <summary>A deployable function: its id, its request and result types, configuration, access needs and a factory.</summary>
/// <param name="Id">The logical function id the workflow uses; also the handler string the runtime dispatches on.</param>
/// <param name="Request">The payload type the function reads (JSON names as the workflow must send them).</param>
/// <param name="Result">The result type the function returns (JSON names as the workflow reads them).</param>
/// <param name="Environment">The environment variables it reads.</param>
/// <param name="Access">The AWS access its role needs.</param>
/// <param name="Create">Creates the handler from given clients and environment (validated as at start-up).</param>
public sealed record FunctionDefinition(
    string Id,
    JsonTypeInfo Request,
    JsonTypeInfo Result,
    IReadOnlyList<EnvironmentSetting> Environment,
    IReadOnlyList<ResourceAccess> Access,
    Func<FunctionHost, IFunctionHandler> Create)
{
    /// <summary>The function's handler setting (<c>_HANDLER</c> at run time): the function id.</summary>
    public string Handler => Id;
}

/// <summary>An environment variable a function reads; optional ones have a default.</summary>
public sealed record EnvironmentSetting(string Name, bool Required, string Description);
