namespace Pipeline.Infra.Model;

/// <summary>A program variable computed by a provider function, e.g. the account id from <c>aws:getCallerIdentity</c>.</summary>
public sealed record InvokeVariable(string Name, string Function, string Return)
{
    public Reference Reference => new(Name);
}
