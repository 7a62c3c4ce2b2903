using System.Globalization;
using System.Text;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>The language's rules for values: truthiness, equality, appending, flattening and writing as text.</summary>
internal static class Values
{
    public static bool? Boolean(object? value) => value switch
    {
        null => null,
        JList list => list.Count switch
        {
            0 => false,
            1 => Boolean(list[0]),
            _ => list.Any(item => Boolean(item) == true),
        },
        string s => s.Length > 0,
        double d => d != 0,
        bool b => b,
        JsonNull => false,
        JObject obj => obj.Count > 0,
        _ => false,
    };

    public static object CheckNumber(double value, int position)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new JsonataException("D1001", $"Number out of range: {JsNumber.Format(value)}", position);
        return value;
    }

    public static bool IsInteger(object? value) => value is double d && Math.Floor(d) == d && !double.IsInfinity(d);

    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        switch (a)
        {
            case double x:
                return b is double dy && x == dy;
            case string x:
                return b is string sy && x == sy;
            case bool x:
                return b is bool by && x == by;
            case JList x when b is JList y:
                if (x.Count != y.Count)
                    return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]))
                        return false;
                }

                return true;
            case JObject x when b is JObject oy:
                if (x.Count != oy.Count)
                    return false;
                foreach (var (key, value) in x)
                {
                    if (!oy.TryGetValue(key, out var other) || !DeepEquals(value, other))
                        return false;
                }

                return true;
            default:
                return false;
        }
    }

    public static object? Append(object? first, object? second)
    {
        if (first is null)
            return second;
        if (second is null)
            return first;
        var result = first is JList a ? new JList(a) : [first];
        if (second is JList b)
            result.AddRange(b);
        else
            result.Add(second);
        return result;
    }

    public static JList Flatten(JList array, JList? into = null)
    {
        into ??= [];
        foreach (var item in array)
        {
            if (item is JList nested)
                Flatten(nested, into);
            else
                into.Add(item);
        }

        return into;
    }

    /// <summary>A merge sort: stable, and it lets the comparison's errors through unwrapped.</summary>
    public static JList StableSort(IReadOnlyList<object?> items, Func<object?, object?, bool> after)
    {
        if (items.Count <= 1)
            return new JList(items);
        var middle = items.Count / 2;
        var left = StableSort([.. items.Take(middle)], after);
        var right = StableSort([.. items.Skip(middle)], after);
        var result = new JList { Capacity = items.Count };
        int l = 0, r = 0;
        while (l < left.Count && r < right.Count)
            result.Add(after(left[l], right[r]) ? right[r++] : left[l++]);
        result.AddRange(left.Skip(l));
        result.AddRange(right.Skip(r));
        return result;
    }

    /// <summary>$string: strings as they are, anything else as JSON with numbers to 15 significant digits.</summary>
    public static string ToJsString(object value, bool prettify = false)
    {
        if (value is string s)
            return s;
        if (value is FunctionValue)
            return "";
        if (value is double d && (double.IsNaN(d) || double.IsInfinity(d)))
            throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN");
        var text = new StringBuilder();
        Write(text, value, prettify ? 0 : -1, roundTo15: true);
        return text.ToString();
    }

    /// <summary>The value as JSON for messages.</summary>
    public static string Stringify(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, -1, roundTo15: false);
        return text.ToString();
    }

    public static string FormatNumber15(double d)
    {
        var rounded = double.Parse(d.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return JsNumber.Format(rounded);
    }

    private static void Write(StringBuilder text, object? value, int indent, bool roundTo15)
    {
        switch (value)
        {
            case null or JsonNull:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case double d when roundTo15 && !double.IsFinite(d):
                throw new JsonataException("D1001", $"Number out of range: {JsNumber.Format(d)}");
            case double d:
                text.Append(double.IsFinite(d) ? (roundTo15 ? FormatNumber15(d) : JsNumber.Format(d)) : "null");
                break;
            case string s:
                WriteString(text, s);
                break;
            case FunctionValue:
                text.Append("\"\"");
                break;
            case JList list:
                text.Append('[');
                if (list.Count > 0)
                {
                    var first = true;
                    foreach (var item in list)
                    {
                        if (!first)
                            text.Append(',');
                        first = false;
                        NewLine(text, indent, 1);
                        Write(text, item, indent < 0 ? -1 : indent + 1, roundTo15);
                    }

                    NewLine(text, indent, 0);
                }

                text.Append(']');
                break;
            case JObject obj:
                text.Append('{');
                if (obj.Count > 0)
                {
                    var first = true;
                    foreach (var (key, item) in obj)
                    {
                        if (item is null)
                            continue;
                        if (!first)
                            text.Append(',');
                        first = false;
                        NewLine(text, indent, 1);
                        WriteString(text, key);
                        text.Append(indent < 0 ? ":" : ": ");
                        Write(text, item, indent < 0 ? -1 : indent + 1, roundTo15);
                    }

                    NewLine(text, indent, 0);
                }

                text.Append('}');
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void NewLine(StringBuilder text, int indent, int extra)
    {
        if (indent < 0)
            return;
        text.Append('\n').Append(' ', (indent + extra) * 2);
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPairedSurrogate(s, i)))
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }

    private static bool IsPairedSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);
}
