namespace Pipeline.Workflows.Jsonata.Syntax;

internal enum NodeType
{
    String,
    Number,
    Value,
    Regex,
    Name,
    Variable,
    Wildcard,
    Descendant,
    Parent,
    Path,
    Binary,
    Negate,
    ArrayConstructor,
    ObjectConstructor,
    Condition,
    Block,
    Bind,
    Function,
    Partial,
    Lambda,
    Apply,
    Transform,
    Sort,
    Placeholder,
    Operator,
}

/// <summary>
/// A node of the syntax tree. The parser builds it; the tree rewrite (<see cref="TreeRewriter"/>) then turns chains of
/// '.' into paths and annotates steps with their predicates, bindings, grouping and parent lookups, as the reference
/// implementation's evaluation model expects. After the rewrite the tree is only read.
/// </summary>
internal sealed class Node(NodeType type, object? value, int position)
{
    public NodeType Type { get; set; } = type;

    public object? Value { get; set; } = value;

    public int Position { get; } = position;

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    public List<Node> Expressions { get; set; } = [];

    public List<(Node Key, Node Value)> Pairs { get; set; } = [];

    public List<SortTerm> Terms { get; set; } = [];

    public Node? Condition { get; set; }

    public Node? Then { get; set; }

    public Node? Else { get; set; }

    public Node? Procedure { get; set; }

    public Node? Body { get; set; }

    public Signature? Signature { get; set; }

    public List<Node> Steps { get; set; } = [];

    public bool KeepArray { get; set; }

    public bool ConsArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    public bool Tuple { get; set; }

    public bool Thunk { get; set; }

    public string? Focus { get; set; }

    public string? Index { get; set; }

    public List<Stage>? Stages { get; set; }

    public List<Stage>? Predicate { get; set; }

    public List<(Node Key, Node Value)>? Group { get; set; }

    public ParentSlot? Ancestor { get; set; }

    public List<ParentSlot>? SeekingParent { get; set; }

    public ParentSlot? Slot { get; set; }

    public string Text => Value as string ?? Value?.ToString() ?? "";
}

internal sealed record SortTerm(Node Expression, bool Descending);

/// <summary>A filter predicate on a step, or a positional (#) binding applied after the filters before it.</summary>
internal sealed record Stage(Node? Filter, string? IndexVariable);

/// <summary>Where a parent operator (%) finds its value: the label the tuple binds, and how many steps up it lies.</summary>
internal sealed class ParentSlot(string label, int level, int index)
{
    public string Label { get; set; } = label;

    public int Level { get; set; } = level;

    public int Index { get; } = index;
}
