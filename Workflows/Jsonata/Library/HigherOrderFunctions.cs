using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>$map, $filter, $single and $reduce.</summary>
internal static class HigherOrderFunctions
{
    public static void Register(Dictionary<string, FunctionValue> table)
    {
        FunctionLibrary.Add(table, "map", "<af>", (c, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var function = (FunctionValue)a[1]!;
            var result = JList.CreateSequence();
            for (var i = 0; i < l.Count; i++)
            {
                var value = c.Apply(function, FunctionLibrary.CallbackArguments(function, l[i], (double)i, l));
                if (value is not null)
                    result.Add(value);
            }

            return result;
        });
        FunctionLibrary.Add(table, "filter", "<af>", (c, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var function = (FunctionValue)a[1]!;
            var result = JList.CreateSequence();
            for (var i = 0; i < l.Count; i++)
            {
                if (Values.Boolean(c.Apply(function, FunctionLibrary.CallbackArguments(function, l[i], (double)i, l))) == true)
                    result.Add(l[i]);
            }

            return result;
        });
        FunctionLibrary.Add(table, "single", "<af?>", (c, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var function = a[1] as FunctionValue;
            object? found = null;
            var matched = false;
            for (var i = 0; i < l.Count; i++)
            {
                if (function is not null && Values.Boolean(c.Apply(function, FunctionLibrary.CallbackArguments(function, l[i], (double)i, l))) != true)
                    continue;
                if (matched)
                    throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.");
                found = l[i];
                matched = true;
            }

            return matched ? found : throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
        });
        FunctionLibrary.Add(table, "reduce", "<afj?:j>", (c, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var function = (FunctionValue)a[1]!;
            if (function.Arity < 2)
                throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments");
            var index = 0;
            var result = a[2];
            if (result is null && l.Count > 0)
            {
                result = l[0];
                index = 1;
            }

            for (; index < l.Count; index++)
            {
                object?[] arguments = function.Arity switch
                {
                    >= 4 => [result, l[index], (double)index, l],
                    3 => [result, l[index], (double)index],
                    _ => [result, l[index]],
                };
                result = c.Apply(function, arguments);
            }

            return result;
        });
    }
}
