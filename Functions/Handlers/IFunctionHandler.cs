namespace Pipeline.Functions;

/// <summary>What the runtime calls: the JSON payload in, the JSON result out, stopped by <paramref name="cancellationToken"/> before the deadline.</summary>
public interface IFunctionHandler
{
    Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken);
}
