namespace Pipeline.Workflows.Jsonata.Syntax;

/// <summary>
/// Rewrites the parser's tree into the evaluator's form: '.' chains become paths of steps, predicates become stages,
/// '@' and '#' become tuple bindings, '%' is resolved to the step whose context it names, and calls in tail position
/// of a lambda become thunks so that tail recursion runs in constant stack.
/// </summary>
internal sealed class TreeRewriter
{
    private readonly List<Node> ancestry = [];
    private int ancestorLabel;

    public static Node Rewrite(Node root)
    {
        var result = new TreeRewriter().Process(root);
        if (result.Type == NodeType.Parent || result.SeekingParent is not null)
            throw new JsonataException("S0217", $"The object representing the 'parent' cannot be derived from this expression", result.Position, result.Type.ToString().ToLowerInvariant());
        return result;
    }

    private Node Process(Node expr)
    {
        Node result;
        switch (expr.Type)
        {
            case NodeType.Binary:
                result = ProcessBinary(expr);
                break;
            case NodeType.Negate:
                result = expr;
                result.Lhs = Process(expr.Lhs!);
                if (result.Lhs.Type == NodeType.Number)
                {
                    result = new Node(NodeType.Number, -(double)result.Lhs.Value!, expr.Position);
                }
                else
                {
                    PushAncestry(result, result.Lhs);
                }

                break;
            case NodeType.ArrayConstructor:
                result = expr;
                result.Expressions = [.. expr.Expressions.Select(item =>
                {
                    var value = Process(item);
                    PushAncestry(result, value);
                    return value;
                })];
                break;
            case NodeType.ObjectConstructor:
                result = expr;
                result.Pairs = [.. expr.Pairs.Select(pair =>
                {
                    var key = Process(pair.Key);
                    PushAncestry(result, key);
                    var value = Process(pair.Value);
                    PushAncestry(result, value);
                    return (key, value);
                })];
                break;
            case NodeType.Function or NodeType.Partial:
                result = expr;
                result.Expressions = [.. expr.Expressions.Select(argument =>
                {
                    var value = Process(argument);
                    PushAncestry(result, value);
                    return value;
                })];
                result.Procedure = Process(expr.Procedure!);
                break;
            case NodeType.Lambda:
                result = expr;
                result.Body = TailCallOptimise(Process(expr.Body!));
                break;
            case NodeType.Condition:
                result = expr;
                result.Condition = Process(expr.Condition!);
                PushAncestry(result, result.Condition);
                result.Then = Process(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = Process(expr.Else);
                    PushAncestry(result, result.Else);
                }

                break;
            case NodeType.Transform:
                result = expr;
                result.Lhs = Process(expr.Lhs!);
                result.Rhs = Process(expr.Rhs!);
                if (expr.Else is not null)
                    result.Else = Process(expr.Else);
                break;
            case NodeType.Block:
                result = expr;
                result.Expressions = [.. expr.Expressions.Select(item =>
                {
                    var part = Process(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == NodeType.Path && part.Steps[0].ConsArray))
                        result.ConsArray = true;
                    return part;
                })];
                break;
            case NodeType.Name:
                result = new Node(NodeType.Path, null, expr.Position) { Steps = [expr], KeepSingletonArray = expr.KeepArray };
                break;
            case NodeType.Parent:
                result = expr;
                result.Slot = new ParentSlot("!" + ancestorLabel++, 1, ancestry.Count);
                ancestry.Add(result);
                break;
            case NodeType.Operator:
                if ((string)expr.Value! is "and" or "or" or "in")
                {
                    expr.Type = NodeType.Name;
                    result = Process(expr);
                }
                else if ((string)expr.Value! == "?")
                {
                    result = expr;
                }
                else
                {
                    throw new JsonataException("S0201", $"Syntax error: \"{expr.Text}\"", expr.Position, expr.Text);
                }

                break;
            default:
                result = expr;
                break;
        }

        if (expr.KeepArray)
            result.KeepArray = true;
        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        var op = (string)expr.Value!;
        switch (op)
        {
            case ".":
            {
                var left = Process(expr.Lhs!);
                var result = left.Type == NodeType.Path ? left : new Node(NodeType.Path, null, expr.Position) { Steps = [left] };
                if (left.Type == NodeType.Parent)
                    result.SeekingParent = [left.Slot!];
                var rest = Process(expr.Rhs!);
                if (rest.Type == NodeType.Path)
                {
                    result.Steps.AddRange(rest.Steps);
                }
                else
                {
                    if (rest.Predicate is not null)
                    {
                        rest.Stages = rest.Predicate;
                        rest.Predicate = null;
                    }

                    result.Steps.Add(rest);
                }

                foreach (var step in result.Steps)
                {
                    if (step.Type is NodeType.Number or NodeType.Value)
                        throw new JsonataException("S0213", $"The literal value {step.Text} cannot be used as a step within a path expression", step.Position, step.Text);
                    if (step.Type == NodeType.String)
                        step.Type = NodeType.Name;
                }

                if (result.Steps.Any(step => step.KeepArray))
                    result.KeepSingletonArray = true;
                if (result.Steps[0].Type == NodeType.ArrayConstructor)
                    result.Steps[0].ConsArray = true;
                if (result.Steps[^1].Type == NodeType.ArrayConstructor)
                    result.Steps[^1].ConsArray = true;
                ResolveAncestry(result);
                return result;
            }

            case "[":
            {
                var result = Process(expr.Lhs!);
                var step = result;
                var usesStages = false;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps[^1];
                    usesStages = true;
                }

                if (step.Group is not null)
                    throw new JsonataException("S0209", "A predicate cannot follow a grouping expression in a step", expr.Position);
                var predicate = Process(expr.Rhs!);
                if (predicate.SeekingParent is not null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                            SeekParent(step, slot);
                        else
                            slot.Level--;
                    }

                    PushAncestry(step, predicate);
                }

                var stage = new Stage(predicate, null);
                if (usesStages)
                    (step.Stages ??= []).Add(stage);
                else
                    (step.Predicate ??= []).Add(stage);
                return result;
            }

            case "{":
            {
                var result = Process(expr.Lhs!);
                if (result.Group is not null)
                    throw new JsonataException("S0210", "Each step can only have one grouping expression", expr.Position);
                result.Group = [.. expr.Pairs.Select(pair => (Process(pair.Key), Process(pair.Value)))];
                return result;
            }

            case "^":
            {
                var result = Process(expr.Lhs!);
                if (result.Type != NodeType.Path)
                    result = new Node(NodeType.Path, null, expr.Position) { Steps = [result] };
                var sort = new Node(NodeType.Sort, null, expr.Position);
                sort.Terms = [.. expr.Terms.Select(term =>
                {
                    var expression = Process(term.Expression);
                    PushAncestry(sort, expression);
                    return term with { Expression = expression };
                })];
                result.Steps.Add(sort);
                ResolveAncestry(result);
                return result;
            }

            case ":=":
            {
                var result = new Node(NodeType.Bind, op, expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                PushAncestry(result, result.Rhs);
                return result;
            }

            case "@":
            {
                var result = Process(expr.Lhs!);
                var step = result.Type == NodeType.Path ? result.Steps[^1] : result;
                if (step.Stages is not null || step.Predicate is not null)
                    throw new JsonataException("S0215", "A context variable binding must precede any predicates on a step", expr.Position);
                if (step.Type == NodeType.Sort)
                    throw new JsonataException("S0216", "A context variable binding must precede the 'order-by' clause on a step", expr.Position);
                if (expr.KeepArray)
                    step.KeepArray = true;
                step.Focus = (string)expr.Rhs!.Value!;
                step.Tuple = true;
                return result;
            }

            case "#":
            {
                var result = Process(expr.Lhs!);
                var step = result;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps[^1];
                }
                else
                {
                    result = new Node(NodeType.Path, null, expr.Position) { Steps = [result] };
                    if (step.Predicate is not null)
                    {
                        step.Stages = step.Predicate;
                        step.Predicate = null;
                    }
                }

                if (step.Stages is null)
                    step.Index = (string)expr.Rhs!.Value!;
                else
                    step.Stages.Add(new Stage(null, (string)expr.Rhs!.Value!));
                step.Tuple = true;
                return result;
            }

            case "~>":
            {
                var result = new Node(NodeType.Apply, op, expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                return result;
            }

            default:
            {
                var result = new Node(NodeType.Binary, op, expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                return result;
            }
        }
    }

    private static Node TailCallOptimise(Node expr)
    {
        switch (expr.Type)
        {
            case NodeType.Function when expr.Predicate is null:
                return new Node(NodeType.Lambda, "function", expr.Position) { Thunk = true, Body = expr };
            case NodeType.Condition:
                expr.Then = TailCallOptimise(expr.Then!);
                if (expr.Else is not null)
                    expr.Else = TailCallOptimise(expr.Else);
                return expr;
            case NodeType.Block when expr.Expressions.Count > 0:
                expr.Expressions[^1] = TailCallOptimise(expr.Expressions[^1]);
                return expr;
            default:
                return expr;
        }
    }

    private void SeekParent(Node node, ParentSlot slot)
    {
        switch (node.Type)
        {
            case NodeType.Name or NodeType.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor is null)
                    {
                        node.Ancestor = slot;
                    }
                    else
                    {
                        ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                        node.Ancestor = slot;
                    }
                }

                node.Tuple = true;
                break;
            case NodeType.Parent:
                slot.Level++;
                break;
            case NodeType.Block:
                if (node.Expressions.Count > 0)
                {
                    node.Tuple = true;
                    SeekParent(node.Expressions[^1], slot);
                }

                break;
            case NodeType.Path:
                node.Tuple = true;
                var index = node.Steps.Count - 1;
                SeekParent(node.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                    SeekParent(node.Steps[index--], slot);
                break;
            default:
                throw new JsonataException("S0217", $"The object representing the 'parent' cannot be derived from this expression", node.Position, node.Type.ToString().ToLowerInvariant());
        }
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent is null && value.Type != NodeType.Parent)
            return;
        var slots = value.SeekingParent is not null ? new List<ParentSlot>(value.SeekingParent) : [];
        if (value.Type == NodeType.Parent)
            slots.Add(value.Slot!);
        if (result.SeekingParent is null)
            result.SeekingParent = slots;
        else
            result.SeekingParent.AddRange(slots);
    }

    private void ResolveAncestry(Node path)
    {
        var last = path.Steps[^1];
        var slots = last.SeekingParent is not null ? new List<ParentSlot>(last.SeekingParent) : [];
        if (last.Type == NodeType.Parent)
            slots.Add(last.Slot!);
        foreach (var slot in slots)
        {
            var index = path.Steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = path.Steps[index--];
                while (index >= 0 && step.Focus is not null && path.Steps[index].Focus is not null)
                    step = path.Steps[index--];
                SeekParent(step, slot);
            }
        }
    }
}
