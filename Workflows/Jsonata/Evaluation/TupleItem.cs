namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>One item of a tuple stream: the context value ('@') with the variables bound along the path.</summary>
internal sealed class TupleItem : Dictionary<string, object?>
{
    public TupleItem()
        : base(StringComparer.Ordinal)
    {
    }

    public TupleItem(TupleItem other)
        : base(other, StringComparer.Ordinal)
    {
    }

    public object? Context
    {
        get => TryGetValue("@", out var value) ? value : null;
        set => this["@"] = value;
    }
}
