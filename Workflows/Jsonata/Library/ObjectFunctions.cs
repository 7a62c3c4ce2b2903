using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>$keys, $lookup, $spread, $merge, $each, $sift, $type, $error and $assert.</summary>
internal static class ObjectFunctions
{
    public static void Register(Dictionary<string, FunctionValue> table)
    {
        FunctionLibrary.Add(table, "keys", "<x-:a<s>>", (_, a) => Keys(a[0]));
        FunctionLibrary.Add(table, "lookup", "<x-s:x>", (_, a) => Lookup(a[0], (string)a[1]!));
        FunctionLibrary.Add(table, "spread", "<x-:a<o>>", (_, a) => Spread(a[0]));
        FunctionLibrary.Add(table, "merge", "<a<o>:o>", (_, a) =>
        {
            if (a[0] is not JList l)
                return null;
            var result = new JObject();
            foreach (var obj in l.OfType<JObject>())
            {
                foreach (var (key, value) in obj)
                    result[key] = value;
            }

            return result;
        });
        FunctionLibrary.Add(table, "each", "<o-f:a>", (c, a) =>
        {
            if (a[0] is not JObject obj)
                return null;
            var function = (FunctionValue)a[1]!;
            var result = JList.CreateSequence();
            foreach (var (key, value) in obj)
            {
                var item = c.Apply(function, FunctionLibrary.CallbackArguments(function, value, key, obj));
                if (item is not null)
                    result.Add(item);
            }

            return result;
        });
        FunctionLibrary.Add(table, "sift", "<o-f?:o>", (c, a) =>
        {
            if (a[0] is not JObject obj)
                return null;
            var function = (FunctionValue)a[1]!;
            var result = new JObject();
            foreach (var (key, value) in obj)
            {
                if (Values.Boolean(c.Apply(function, FunctionLibrary.CallbackArguments(function, value, key, obj))) == true)
                    result[key] = value;
            }

            return result.Count == 0 ? null : result;
        });
        FunctionLibrary.Add(table, "type", "<x:s>", (_, a) => a[0] switch
        {
            null => null,
            JsonNull => "null",
            double => "number",
            string => "string",
            bool => "boolean",
            JList => "array",
            FunctionValue => "function",
            _ => "object",
        });
        FunctionLibrary.Add(table, "error", "<s?:x>", (_, a) =>
            throw new JsonataException("D3137", a[0] as string ?? "$error() function evaluated"));
        FunctionLibrary.Add(table, "assert", "<bs?:x>", (_, a) =>
        {
            if (a[0] is not true)
                throw new JsonataException("D3141", a[1] as string ?? "$assert() statement failed");
            return null;
        });
    }

    private static object? Keys(object? value)
    {
        var result = JList.CreateSequence();
        if (value is JList list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list)
            {
                if (item is not JObject obj)
                    continue;
                foreach (var key in obj.Keys)
                {
                    if (seen.Add(key))
                        result.Add(key);
                }
            }
        }
        else if (value is JObject obj)
        {
            result.AddRange(obj.Keys);
        }

        return result;
    }

    public static object? Lookup(object? input, string key)
    {
        if (input is JList list)
        {
            var result = JList.CreateSequence();
            foreach (var item in list)
            {
                var value = Lookup(item, key);
                if (value is JList values)
                    result.AddRange(values);
                else if (value is not null)
                    result.Add(value);
            }

            return result;
        }

        return input is JObject obj && obj.TryGetValue(key, out var found) ? found : null;
    }

    private static object? Spread(object? value)
    {
        switch (value)
        {
            case JList list:
                object? result = JList.CreateSequence();
                foreach (var item in list)
                    result = Values.Append(result, Spread(item));
                return result;
            case JObject obj:
                var pairs = JList.CreateSequence();
                foreach (var (key, item) in obj)
                    pairs.Add(new JObject { [key] = item });
                return pairs;
            default:
                return value;
        }
    }
}
