using System.Runtime.CompilerServices;
using Pipeline.Workflows.Jsonata.Library;
using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>Evaluates a rewritten syntax tree against an input value within a scope of variables.</summary>
internal static partial class Evaluator
{
    public static object? Evaluate(Node expr, object? input, Frame frame)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.", expr.Position);
        frame.State.Enter();
        var result = EvaluateNode(expr, input, frame);
        frame.State.Exit();
        if (expr.Predicate is not null)
        {
            foreach (var stage in expr.Predicate)
                result = Filter(stage.Filter!, result, frame);
        }

        if (expr.Type != NodeType.Path && expr.Group is not null)
            result = Group(expr.Group, result, frame);

        if (result is JList { Sequence: true } sequence && !sequence.TupleStream)
        {
            if (expr.KeepArray)
                sequence.KeepSingleton = true;
            if (sequence.Count == 0)
                return null;
            if (sequence.Count == 1)
                return sequence.KeepSingleton ? sequence : sequence[0];
        }

        return result;
    }

    private static object? EvaluateNode(Node expr, object? input, Frame frame) => expr.Type switch
    {
        NodeType.Path => Path(expr, input, frame),
        NodeType.Binary => Binary(expr, input, frame),
        NodeType.Negate => Negate(expr, input, frame),
        NodeType.ArrayConstructor => ArrayConstructor(expr, input, frame),
        NodeType.ObjectConstructor => Group(expr.Pairs, input, frame),
        NodeType.Name => ObjectFunctions.Lookup(input, expr.Text),
        NodeType.String or NodeType.Number => expr.Value,
        NodeType.Value => expr.Value ?? JsonNull.Instance,
        NodeType.Wildcard => Wildcard(input),
        NodeType.Descendant => Descendants(input),
        NodeType.Parent => frame.Lookup(expr.Slot!.Label),
        NodeType.Condition => Condition(expr, input, frame),
        NodeType.Block => Block(expr, input, frame),
        NodeType.Bind => Bind(expr, input, frame),
        NodeType.Regex => new RegexFunction((RegexLiteral)expr.Value!),
        NodeType.Function => Call(expr, input, frame, null),
        NodeType.Variable => Variable(expr, input, frame),
        NodeType.Lambda => expr.Thunk ? new TailCall(expr.Body!, frame, input) : new LambdaFunction(expr, frame, input),
        NodeType.Partial => PartialApplication(expr, input, frame),
        NodeType.Apply => ApplyChain(expr, input, frame),
        NodeType.Transform => new TransformFunction(expr, frame),
        NodeType.Sort => Sort(expr, input, frame),
        _ => throw new JsonataException("S0206", $"Unknown expression type: {expr.Text}", expr.Position, expr.Text),
    };

    private static object? Variable(Node expr, object? input, Frame frame)
    {
        if (expr.Text.Length == 0)
            return input is JList { OuterWrapper: true } wrapper && wrapper.Count > 0 ? wrapper[0] : input;
        return frame.Lookup(expr.Text);
    }

    private static object? Path(Node expr, object? input, Frame frame)
    {
        JList inputSequence = input is JList list && expr.Steps[0].Type != NodeType.Variable ? list : JList.CreateSequence(input);
        object? resultSequence = null;
        var isTupleStream = false;
        JList? tupleBindings = null;
        for (var index = 0; index < expr.Steps.Count; index++)
        {
            var step = expr.Steps[index];
            if (step.Tuple)
                isTupleStream = true;
            if (index == 0 && step.ConsArray)
                resultSequence = Evaluate(step, inputSequence, frame);
            else if (isTupleStream)
                tupleBindings = TupleStep(step, inputSequence, tupleBindings, frame);
            else
                resultSequence = Step(step, inputSequence, frame, index == expr.Steps.Count - 1);

            if (!isTupleStream && (resultSequence is null || resultSequence is JList { Count: 0 }))
                break;
            if (step.Focus is null)
                inputSequence = resultSequence as JList ?? JList.CreateSequence(resultSequence);
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                var contexts = JList.CreateSequence();
                foreach (var tuple in tupleBindings!.Cast<TupleItem>())
                    contexts.Add(tuple.Context);
                resultSequence = contexts;
            }
        }

        if (expr.KeepSingletonArray)
        {
            if (resultSequence is JList { Cons: true, Sequence: false } cons)
                resultSequence = JList.CreateSequence(cons);
            if (resultSequence is JList keep)
                keep.KeepSingleton = true;
        }

        if (expr.Group is not null)
            resultSequence = Group(expr.Group, isTupleStream ? tupleBindings : resultSequence, frame);
        return resultSequence;
    }

    private static object? Step(Node expr, JList input, Frame frame, bool lastStep)
    {
        if (expr.Type == NodeType.Sort)
        {
            var sorted = Sort(expr, input, frame);
            return expr.Stages is null ? sorted : Stages(expr.Stages, sorted, frame);
        }

        var result = JList.CreateSequence();
        foreach (var item in input)
        {
            var value = Evaluate(expr, item, frame);
            if (expr.Stages is not null)
            {
                foreach (var stage in expr.Stages)
                    value = Filter(stage.Filter!, value, frame);
            }

            if (value is not null)
                result.Add(value);
        }

        if (lastStep && result.Count == 1 && result[0] is JList { Sequence: false } only)
            return only;

        var flattened = JList.CreateSequence();
        foreach (var value in result)
        {
            if (value is JList array && !array.Cons)
                flattened.AddRange(array);
            else
                flattened.Add(value);
        }

        return flattened;
    }

    private static object? Stages(List<Stage> stages, object? input, Frame frame)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.Filter is not null)
            {
                result = Filter(stage.Filter, result, frame);
            }
            else if (result is JList tuples)
            {
                for (var index = 0; index < tuples.Count; index++)
                    ((TupleItem)tuples[index]!)[stage.IndexVariable!] = (double)index;
            }
        }

        return result;
    }

    private static JList TupleStep(Node expr, JList input, JList? tupleBindings, Frame frame)
    {
        if (expr.Type == NodeType.Sort)
        {
            JList sorted;
            if (tupleBindings is not null)
            {
                sorted = (JList)Sort(expr, tupleBindings, frame)!;
            }
            else
            {
                var sequence = Sort(expr, input, frame) as JList ?? [];
                sorted = JList.CreateSequence();
                sorted.TupleStream = true;
                for (var index = 0; index < sequence.Count; index++)
                {
                    var tuple = new TupleItem { Context = sequence[index] };
                    tuple[expr.Index ?? ""] = (double)index;
                    sorted.Add(tuple);
                }
            }

            return expr.Stages is null ? sorted : (JList)Stages(expr.Stages, sorted, frame)!;
        }

        var result = JList.CreateSequence();
        result.TupleStream = true;
        if (tupleBindings is null)
        {
            tupleBindings = [];
            foreach (var item in input)
                tupleBindings.Add(new TupleItem { Context = item });
        }

        foreach (var tuple in tupleBindings.Cast<TupleItem>())
        {
            var stepFrame = frame.WithTuple(tuple);
            var value = Evaluate(expr, tuple.Context, stepFrame);
            if (value is null)
                continue;
            var values = value as JList ?? new JList { value };
            for (var index = 0; index < values.Count; index++)
            {
                var next = new TupleItem(tuple);
                if (values.TupleStream)
                {
                    foreach (var (name, bound) in (TupleItem)values[index]!)
                        next[name] = bound;
                }
                else
                {
                    if (expr.Focus is not null)
                    {
                        next[expr.Focus] = values[index];
                        next.Context = tuple.Context;
                    }
                    else
                    {
                        next.Context = values[index];
                    }

                    if (expr.Index is not null)
                        next[expr.Index] = (double)index;
                    if (expr.Ancestor is not null)
                        next[expr.Ancestor.Label] = tuple.Context;
                }

                result.Add(next);
            }
        }

        return expr.Stages is null ? result : (JList)Stages(expr.Stages, result, frame)!;
    }

    private static JList Filter(Node predicate, object? input, Frame frame)
    {
        var results = JList.CreateSequence();
        if (input is JList { TupleStream: true })
            results.TupleStream = true;
        var items = input as JList ?? JList.CreateSequence(input);
        if (predicate.Type == NodeType.Number)
        {
            var index = (int)Math.Floor((double)predicate.Value!);
            if (index < 0)
                index += items.Count;
            if (index >= 0 && index < items.Count && items[index] is { } item)
            {
                if (item is JList array)
                    return array.Sequence ? array : new JList(array) { Sequence = true, TupleStream = array.TupleStream };
                results.Add(item);
            }

            return results;
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var context = item;
            var itemFrame = frame;
            if (items.TupleStream)
            {
                context = ((TupleItem)item!).Context;
                itemFrame = frame.WithTuple((TupleItem)item);
            }

            var value = Evaluate(predicate, context, itemFrame);
            if (value is double number)
                value = new JList { number };
            if (value is JList numbers && numbers.Count > 0 && numbers.All(n => n is double))
            {
                foreach (var n in numbers.Cast<double>())
                {
                    var position = (int)Math.Floor(n);
                    if (position < 0)
                        position += items.Count;
                    if (position == index)
                        results.Add(item);
                }
            }
            else if (Values.Boolean(value) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private static JList Wildcard(object? input)
    {
        var results = JList.CreateSequence();
        if (input is JList { OuterWrapper: true, Count: > 0 } wrapper)
            input = wrapper[0];
        if (input is JObject or JList)
        {
            foreach (var value in input is JObject obj ? obj.Values : (IEnumerable<object?>)input)
            {
                if (value is JList array)
                    results.AddRange(Values.Flatten(array));
                else
                    results.Add(value);
            }
        }

        return results;
    }

    private static object? Descendants(object? input)
    {
        if (input is null)
            return null;
        var results = JList.CreateSequence();
        CollectDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void CollectDescendants(object? input, JList results)
    {
        if (input is JList array)
        {
            foreach (var member in array)
                CollectDescendants(member, results);
            return;
        }

        results.Add(input);
        if (input is JObject obj)
        {
            foreach (var value in obj.Values)
                CollectDescendants(value, results);
        }
    }

    private static object? Condition(Node expr, object? input, Frame frame)
    {
        var condition = Evaluate(expr.Condition!, input, frame);
        if (Values.Boolean(condition) == true)
            return Evaluate(expr.Then!, input, frame);
        return expr.Else is null ? null : Evaluate(expr.Else, input, frame);
    }

    private static object? Block(Node expr, object? input, Frame frame)
    {
        var scope = frame.Child();
        object? result = null;
        foreach (var expression in expr.Expressions)
            result = Evaluate(expression, input, scope);
        return result;
    }

    private static object? Bind(Node expr, object? input, Frame frame)
    {
        var value = Evaluate(expr.Rhs!, input, frame);
        frame.Bind(expr.Lhs!.Text, value);
        return value;
    }

    private static object? ArrayConstructor(Node expr, object? input, Frame frame)
    {
        var result = new JList();
        foreach (var item in expr.Expressions)
        {
            var value = Evaluate(item, input, frame);
            if (value is null)
                continue;
            if (item.Type == NodeType.ArrayConstructor)
                result.Add(value);
            else if (value is JList array)
                result.AddRange(array);
            else
                result.Add(value);
        }

        if (expr.ConsArray)
            result.Cons = true;
        return result;
    }

    private static JObject Group(List<(Node Key, Node Value)> pairs, object? input, Frame frame)
    {
        var reduce = input is JList { TupleStream: true };
        var items = input as JList ?? JList.CreateSequence(input);
        if (items.Count == 0)
            items = [null];
        var groups = new OrderedDictionary<string, (object? Data, int PairIndex)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var tuple = reduce ? item as TupleItem : null;
            var itemFrame = tuple is null ? frame : frame.WithTuple(tuple);
            for (var pairIndex = 0; pairIndex < pairs.Count; pairIndex++)
            {
                var key = Evaluate(pairs[pairIndex].Key, reduce ? tuple?.Context : item, itemFrame);
                if (key is null)
                    continue;
                if (key is not string name)
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Values.Stringify(key)}", pairs[pairIndex].Key.Position);
                if (groups.TryGetValue(name, out var entry))
                {
                    if (entry.PairIndex != pairIndex)
                        throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: {name}", pairs[pairIndex].Key.Position);
                    groups[name] = (Values.Append(entry.Data, item), pairIndex);
                }
                else
                {
                    groups[name] = (item, pairIndex);
                }
            }
        }

        var result = new JObject();
        foreach (var (key, entry) in groups)
        {
            var context = entry.Data;
            var groupFrame = frame;
            if (reduce)
            {
                var tuple = ReduceTupleStream(entry.Data);
                context = tuple.Context;
                tuple.Remove("@");
                groupFrame = frame.WithTuple(tuple);
            }

            var value = Evaluate(pairs[entry.PairIndex].Value, context, groupFrame);
            if (value is not null)
                result[key] = value;
        }

        return result;
    }

    private static TupleItem ReduceTupleStream(object? stream)
    {
        if (stream is not JList tuples)
            return new TupleItem((TupleItem)stream!);
        var result = new TupleItem((TupleItem)tuples[0]!);
        for (var index = 1; index < tuples.Count; index++)
        {
            foreach (var (name, value) in (TupleItem)tuples[index]!)
                result[name] = Values.Append(result.TryGetValue(name, out var existing) ? existing : null, value);
        }

        return result;
    }

    private static object? Sort(Node expr, object? input, Frame frame)
    {
        if (input is not JList items)
            return input;
        var isTupleSort = items.TupleStream;
        int Compare(object? a, object? b)
        {
            var comparison = 0;
            foreach (var term in expr.Terms)
            {
                var aa = EvaluateTerm(term, a);
                var bb = EvaluateTerm(term, b);
                if (aa is null)
                {
                    comparison = bb is null ? 0 : 1;
                    if (comparison != 0)
                        break;
                    continue;
                }

                if (bb is null)
                {
                    comparison = -1;
                    break;
                }

                if (aa is not (string or double) || bb is not (string or double))
                    throw new JsonataException("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", expr.Position);
                if (aa.GetType() != bb.GetType())
                    throw new JsonataException("T2007", "Type mismatch within order-by clause. All values must be of the same type", expr.Position);
                comparison = aa is string sa ? string.CompareOrdinal(sa, (string)bb) : ((double)aa).CompareTo((double)bb);
                comparison = Math.Sign(comparison);
                if (comparison == 0)
                    continue;
                if (term.Descending)
                    comparison = -comparison;
                break;
            }

            return comparison;
        }

        object? EvaluateTerm(SortTerm term, object? item) => isTupleSort
            ? Evaluate(term.Expression, ((TupleItem)item!).Context, frame.WithTuple((TupleItem)item))
            : Evaluate(term.Expression, item, frame);

        var sorted = Values.StableSort(items, (a, b) => Compare(a, b) > 0);
        sorted.Sequence = true;
        sorted.TupleStream = isTupleSort;
        return sorted;
    }
}
