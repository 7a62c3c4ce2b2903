using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>$count, $append, $reverse, $shuffle, $distinct, $sort, $zip and the boolean functions.</summary>
internal static class ArrayFunctions
{
    public static void Register(Dictionary<string, FunctionValue> table)
    {
        FunctionLibrary.Add(table, "count", "<a:n>", (_, a) => a[0] is JList l ? (double)l.Count : 0.0);
        FunctionLibrary.Add(table, "append", "<xx:a>", (_, a) => Values.Append(a[0], a[1]));
        FunctionLibrary.Add(table, "reverse", "<a:a>", (_, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var copy = new JList(l);
            copy.Reverse();
            return copy;
        });
        FunctionLibrary.Add(table, "shuffle", "<a:a>", (_, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var copy = new JList(l);
            for (var i = copy.Count - 1; i > 0; i--)
            {
                var j = Random.Shared.Next(i + 1);
                (copy[i], copy[j]) = (copy[j], copy[i]);
            }

            return copy;
        });
        FunctionLibrary.Add(table, "distinct", "<x:x>", (_, a) =>
        {
            if (a[0] is not JList { Count: > 1 } l)
                return a[0];
            var result = new JList { Sequence = l.Sequence };
            foreach (var item in l)
            {
                if (!result.Any(existing => Values.DeepEquals(existing, item)))
                    result.Add(item);
            }

            return result;
        });
        FunctionLibrary.Add(table, "sort", "<af?:a>", (c, a) => Sort(c, a[0], a[1] as FunctionValue));
        FunctionLibrary.Add(table, "zip", "<a+>", (_, a) =>
        {
            var lists = a.Select(x => x as JList ?? []).ToList();
            var length = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
            var result = new JList();
            for (var i = 0; i < length; i++)
                result.Add(new JList(lists.Select(l => l[i])));
            return result;
        });
        FunctionLibrary.Add(table, "boolean", "<x-:b>", (_, a) => Values.Boolean(a[0]));
        FunctionLibrary.Add(table, "not", "<x-:b>", (_, a) => Values.Boolean(a[0]) is { } b ? !b : null);
        FunctionLibrary.Add(table, "exists", "<x:b>", (_, a) => a[0] is not null);
    }

    private static object? Sort(CallContext context, object? input, FunctionValue? comparator)
    {
        if (input is not JList list)
            return null;
        if (list.Count <= 1)
            return list;
        Func<object?, object?, bool> swap;
        if (comparator is null)
        {
            if (list.All(x => x is double))
                swap = (x, y) => (double)x! > (double)y!;
            else if (list.All(x => x is string))
                swap = (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0;
            else
                throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
        }
        else
        {
            swap = (x, y) => Values.Boolean(context.Apply(comparator, [x, y])) == true;
        }

        return Values.StableSort(list, swap);
    }
}
