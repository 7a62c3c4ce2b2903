namespace Pipeline.Functions;

/// <summary>What the Lambda runtime calls: the JSON payload in, the JSON result out.</summary>
public interface IFunctionHandler
{
    Task<Stream> HandleAsync(Stream input);
}
