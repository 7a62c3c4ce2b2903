namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>A scope of variable bindings, chained to the scope it was created in.</summary>
internal sealed class Frame(Frame? parent, EvaluationState state)
{
    private readonly Frame? parent = parent;

    private readonly Dictionary<string, object?> bindings = new(StringComparer.Ordinal);

    public EvaluationState State { get; } = state;

    public void Bind(string name, object? value) => bindings[name] = value;

    public bool IsBound(string name)
    {
        for (var frame = this; frame is not null; frame = frame.parent)
        {
            if (frame.bindings.ContainsKey(name))
                return true;
        }

        return false;
    }

    public object? Lookup(string name)
    {
        for (var frame = this; frame is not null; frame = frame.parent)
        {
            if (frame.bindings.TryGetValue(name, out var value))
                return value;
        }

        return null;
    }

    public Frame Child() => new(this, State);

    public Frame WithTuple(TupleItem tuple)
    {
        var frame = Child();
        foreach (var (name, value) in tuple)
        {
            if (name != "@")
                frame.Bind(name, value);
        }

        return frame;
    }
}
