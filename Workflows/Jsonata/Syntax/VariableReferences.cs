namespace Pipeline.Workflows.Jsonata.Syntax;

/// <summary>
/// The variables a parsed expression reads from outside: each <c>$name</c> it neither binds itself (with <c>:=</c>, as a
/// function parameter, or with <c>@</c> or <c>#</c>) nor calls. A name bound anywhere in the expression counts as bound
/// everywhere in it, which is enough to tell what a host must supply.
/// </summary>
internal static class VariableReferences
{
    public static IReadOnlySet<string> Free(Node root)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, read, bound, called: false);
        read.ExceptWith(bound);
        read.Remove(string.Empty);
        read.Remove("$");
        return read;
    }

    private static void Visit(Node? node, HashSet<string> read, HashSet<string> bound, bool called)
    {
        if (node is null)
            return;
        switch (node.Type)
        {
            case NodeType.Variable when !called:
                read.Add(node.Text);
                return;
            case NodeType.Lambda:
                bound.UnionWith(node.Expressions.Select(parameter => parameter.Text));
                Visit(node.Body, read, bound, called: false);
                return;
            case NodeType.Binary when node.Text is ":=":
                bound.Add(node.Lhs!.Text);
                Visit(node.Rhs, read, bound, called: false);
                return;
            case NodeType.Binary when node.Text is "@" or "#":
                bound.Add(node.Rhs!.Text);
                Visit(node.Lhs, read, bound, called: false);
                return;
            case NodeType.Function or NodeType.Partial:
                Visit(node.Procedure, read, bound, called: true);
                break;
            default:
                Visit(node.Procedure, read, bound, called: false);
                break;
        }

        foreach (var child in new[] { node.Lhs, node.Rhs, node.Condition, node.Then, node.Else, node.Body }
            .Concat(node.Expressions)
            .Concat(node.Pairs.SelectMany(pair => new[] { pair.Key, pair.Value }))
            .Concat(node.Terms.Select(term => term.Expression)))
        {
            Visit(child, read, bound, called: false);
        }
    }
}
