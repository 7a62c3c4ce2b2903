using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pipeline.Functions.Errors;

namespace Pipeline.Functions.Handlers;

/// <summary>What the runtime calls: the JSON payload in, the JSON result out, stopped by its cancellation token before the deadline.</summary>
public interface IFunctionHandler
{
    Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken);
}

/// <summary>
/// The one shape of every function: read the request, run, write the result. A payload that is not the function's
/// request fails as <see cref="InvalidPayload"/>; everything else a handler throws reaches the runtime unchanged, so the
/// error name the workflow sees is the exception's simple class name.
/// </summary>
/// <typeparam name="TRequest">The payload type, declared on the function's catalog entry.</typeparam>
/// <typeparam name="TResult">The result type, declared on the function's catalog entry.</typeparam>
public abstract class FunctionHandler<TRequest, TResult> : IFunctionHandler
    where TRequest : class
{
    private readonly JsonTypeInfo<TRequest> requestType;
    private readonly JsonTypeInfo<TResult> resultType;

    protected FunctionHandler(JsonTypeInfo<TRequest> request, JsonTypeInfo<TResult> result)
    {
        requestType = request;
        resultType = result;
    }

    public async Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        TRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(input, requestType, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidPayload(typeof(TRequest).Name, ex.Message);
        }

        var result = await HandleAsync(request ?? throw new InvalidPayload(typeof(TRequest).Name, "the payload is null"), cancellationToken).ConfigureAwait(false);
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, result, resultType, cancellationToken).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }

    /// <summary>Runs the function on a request already read; the tests and the in-process runner call it directly.</summary>
    public abstract Task<TResult> HandleAsync(TRequest request, CancellationToken cancellationToken = default);
}
