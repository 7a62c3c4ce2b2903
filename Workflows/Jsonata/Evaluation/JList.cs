namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>
/// An array at evaluation time. <see cref="Sequence"/> marks the results of path steps, which flatten and collapse
/// to a single value; a plain array is JSON data or built by a constructor.
/// </summary>
internal sealed class JList : List<object?>
{
    public JList()
    {
    }

    public JList(IEnumerable<object?> items)
        : base(items)
    {
    }

    public bool Sequence { get; set; }

    public bool KeepSingleton { get; set; }

    public bool OuterWrapper { get; set; }

    public bool TupleStream { get; set; }

    public bool Cons { get; set; }

    public JList AsOuterWrapper()
    {
        Sequence = true;
        OuterWrapper = true;
        return this;
    }

    public static JList CreateSequence() => new() { Sequence = true };

    public static JList CreateSequence(object? item)
    {
        var sequence = CreateSequence();
        sequence.Add(item);
        return sequence;
    }
}
