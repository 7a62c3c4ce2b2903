namespace Pipeline.Workflows.Validation;

/// <summary>A broken rule: where (the state's path, e.g. <c>Process &gt; ItemProcessor &gt; Store</c>) and what.</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
