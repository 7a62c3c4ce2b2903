using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Handlers;
using Pipeline.Local.Tasks;
using Pipeline.Workflows.Resources;

namespace Pipeline.Local.Runner;

/// <summary>
/// Binds the pipeline's functions (<see cref="HandlerCatalog"/>) to a <see cref="TaskRegistry"/> under the names their
/// ARNs carry in the rendered definition. In process, each call serializes the payload to a stream, runs the real
/// handler's <c>HandleAsync(Stream, CancellationToken)</c> and parses its result.
/// </summary>
public static class PipelineFunctions
{
    /// <summary>The Lambda function name a logical function id renders to with <paramref name="resolver"/>.</summary>
    public static string FunctionName(IResourceResolver resolver, string functionId)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var arn = resolver.Resolve(ResourceRef.Function(functionId));
        return TaskResource.FunctionNameFrom(arn) ?? throw new InvalidOperationException($"'{arn}' is not a Lambda function ARN");
    }

    /// <param name="calls">The call of each function, by logical function id: in process (<see cref="Create(FunctionHost)"/>) or packaged.</param>
    /// <param name="wrap">Lets a caller observe or replace a call, given the logical function id and the real call.</param>
    public static TaskRegistry Bind(TaskRegistry registry, IReadOnlyDictionary<string, FunctionCall> calls, IResourceResolver resolver, Func<string, FunctionCall, FunctionCall>? wrap = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(resolver);
        foreach (var (id, call) in calls)
        {
            var bound = wrap is null ? call : wrap(id, call);
            registry.RegisterFunction(FunctionName(resolver, id), (payload, context) => bound(payload, context));
        }

        return registry;
    }

    /// <summary>A call of each catalog function's real handler, by logical function id.</summary>
    public static IReadOnlyDictionary<string, FunctionCall> Create(FunctionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Create(_ => host);
    }

    /// <summary>A call of each catalog function's real handler, each built from the host given for its function id.</summary>
    public static IReadOnlyDictionary<string, FunctionCall> Create(Func<string, FunctionHost> hostFor)
    {
        ArgumentNullException.ThrowIfNull(hostFor);
        return HandlerCatalog.All.ToDictionary(
            function => function.Id,
            function =>
            {
                var handler = function.Create(hostFor(function.Id));
                return (FunctionCall)((payload, context) => InvokeAsync(handler, payload, context.CancellationToken));
            },
            StringComparer.Ordinal);
    }

    private static async Task<JsonNode?> InvokeAsync(IFunctionHandler handler, JsonNode? payload, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(payload));
        await using var output = await handler.HandleAsync(input, cancellationToken).ConfigureAwait(false);
        return await JsonNode.ParseAsync(output, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
