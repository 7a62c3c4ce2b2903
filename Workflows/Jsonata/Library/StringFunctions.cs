using System.Globalization;
using System.Text;
using Pipeline.Workflows.Jsonata.Evaluation;
using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>The string functions. Lengths and offsets count Unicode code points, as the reference does.</summary>
internal static class StringFunctions
{
    public static void Register(Dictionary<string, FunctionValue> table)
    {
        FunctionLibrary.Add(table, "string", "<x-b?:s>", (_, a) => a[0] is null ? null : Values.ToJsString(a[0]!, a[1] is true));
        FunctionLibrary.Add(table, "length", "<s-:n>", (_, a) => a[0] is string s ? (double)CodePoints(s).Length : null);
        FunctionLibrary.Add(table, "substring", "<s-nn?:s>", (_, a) => a[0] is string s ? Substring(s, (double)a[1]!, a[2] as double?) : null);
        FunctionLibrary.Add(table, "substringBefore", "<s-s:s>", (_, a) =>
        {
            if (a[0] is not string s)
                return null;
            var index = s.IndexOf((string)a[1]!, StringComparison.Ordinal);
            return index < 0 ? s : s[..index];
        });
        FunctionLibrary.Add(table, "substringAfter", "<s-s:s>", (_, a) =>
        {
            if (a[0] is not string s)
                return null;
            var chars = (string)a[1]!;
            var index = s.IndexOf(chars, StringComparison.Ordinal);
            return index < 0 ? s : s[(index + chars.Length)..];
        });
        FunctionLibrary.Add(table, "uppercase", "<s-:s>", (_, a) => (a[0] as string)?.ToUpperInvariant());
        FunctionLibrary.Add(table, "lowercase", "<s-:s>", (_, a) => (a[0] as string)?.ToLowerInvariant());
        FunctionLibrary.Add(table, "trim", "<s-:s>", (_, a) => a[0] is string s ? Trim(s) : null);
        FunctionLibrary.Add(table, "pad", "<s-ns?:s>", (_, a) => a[0] is string s ? Pad(s, (double)a[1]!, a[2] is string { Length: > 0 } padding ? padding : " ") : null);
        FunctionLibrary.Add(table, "contains", "<s-(sf):b>", (c, a) =>
        {
            if (a[0] is not string s || a[1] is null)
                return null;
            return a[1] is string token ? s.Contains(token, StringComparison.Ordinal) : Matching.Matches(c, (FunctionValue)a[1]!, s, "contains").Any();
        });
        FunctionLibrary.Add(table, "split", "<s-(sf)n?:a<s>>", (c, a) => a[0] is string s ? Split(c, s, a[1]!, a[2] as double?) : null);
        FunctionLibrary.Add(table, "join", "<a<s>s?:s>", (_, a) => a[0] is JList l ? string.Join(a[1] as string ?? "", l.Cast<string>()) : null);
        FunctionLibrary.Add(table, "match", "<s-f<s:o>n?:a<o>>", (c, a) => a[0] is string s ? Match(c, s, (FunctionValue)a[1]!, a[2] as double?) : null);
        FunctionLibrary.Add(table, "replace", "<s-(sf)(sf)n?:s>", (c, a) => a[0] is string s ? Replace(c, s, a[1]!, a[2]!, a[3] as double?) : null);
        FunctionLibrary.Add(table, "base64encode", "<s-:s>", (_, a) => a[0] is string s ? Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) : null);
        FunctionLibrary.Add(table, "base64decode", "<s-:s>", (_, a) => a[0] is string s ? Encoding.UTF8.GetString(Convert.FromBase64String(s)) : null);
        FunctionLibrary.Add(table, "encodeUrlComponent", "<s-:s>", (_, a) => a[0] is string s ? UrlEncoding.Encode(s, "encodeUrlComponent", UrlEncoding.ComponentSafe) : null);
        FunctionLibrary.Add(table, "encodeUrl", "<s-:s>", (_, a) => a[0] is string s ? UrlEncoding.Encode(s, "encodeUrl", UrlEncoding.UrlSafe) : null);
        FunctionLibrary.Add(table, "decodeUrlComponent", "<s-:s>", (_, a) => a[0] is string s ? UrlEncoding.Decode(s, "decodeUrlComponent", "") : null);
        FunctionLibrary.Add(table, "decodeUrl", "<s-:s>", (_, a) => a[0] is string s ? UrlEncoding.Decode(s, "decodeUrl", ";/?:@&=+$,#") : null);
        FunctionLibrary.Add(table, "formatNumber", "<n-so?:s>", (_, a) => a[0] is double d ? NumberPicture.Format(d, (string)a[1]!, a[2] as JObject) : null);
        FunctionLibrary.Add(table, "formatBase", "<n-n?:s>", (_, a) => a[0] is double d ? FormatBase(d, a[1] as double?) : null);
        FunctionLibrary.Add(table, "formatInteger", "<n-s:s>", (_, a) => a[0] is double d ? IntegerPicture.Format(d, (string)a[1]!) : null);
        FunctionLibrary.Add(table, "parseInteger", "<s-s:n>", (_, a) => a[0] is string s ? IntegerPicture.Parse(s, (string)a[1]!) : null);
        FunctionLibrary.Add(table, "eval", "<sx?:x>", (c, a) => Eval(c, a[0] as string, a.Length > 1 && a[1] is not null ? a[1] : c.Input));
    }

    public static string[] CodePoints(string s)
    {
        var points = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                points.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                points.Add(s[i].ToString());
            }
        }

        return [.. points];
    }

    private static string Substring(string s, double start, double? length)
    {
        var points = CodePoints(s);
        var count = points.Length;
        var from = (int)Math.Truncate(start);
        if (count + from < 0)
            from = 0;
        if (length is { } l)
        {
            if (l <= 0)
                return "";
            var end = from >= 0 ? from + (int)Math.Truncate(l) : count + from + (int)Math.Truncate(l);
            return Slice(points, from, end);
        }

        return Slice(points, from, count);
    }

    private static string Slice(string[] points, int from, int end)
    {
        var count = points.Length;
        if (from < 0)
            from = Math.Max(0, count + from);
        if (end < 0)
            end = Math.Max(0, count + end);
        end = Math.Min(end, count);
        return from >= end ? "" : string.Concat(points[from..end]);
    }

    private static string Trim(string s)
    {
        var text = new StringBuilder();
        var inSpace = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (!inSpace)
                    text.Append(' ');
                inSpace = true;
            }
            else
            {
                text.Append(c);
                inSpace = false;
            }
        }

        var result = text.ToString();
        if (result.StartsWith(' '))
            result = result[1..];
        if (result.EndsWith(' '))
            result = result[..^1];
        return result;
    }

    private static string Pad(string s, double width, string padding)
    {
        var missing = (int)Math.Abs(Math.Truncate(width)) - CodePoints(s).Length;
        if (missing <= 0)
            return s;
        var fill = new StringBuilder();
        while (CodePoints(fill.ToString()).Length < missing)
            fill.Append(padding);
        var padString = Slice(CodePoints(fill.ToString()), 0, missing);
        return width > 0 ? s + padString : padString + s;
    }

    private static JList Split(CallContext context, string s, object separator, double? limit)
    {
        if (limit < 0)
            throw new JsonataException("D3020", "Third argument of split function must evaluate to a positive number");
        var parts = new List<string>();
        if (separator is string text)
        {
            if (text.Length == 0)
                parts.AddRange(s.Select(c => c.ToString()));
            else
                parts.AddRange(s.Split(text));
        }
        else
        {
            var start = 0;
            foreach (var match in Matching.Matches(context, (FunctionValue)separator, s, "split"))
            {
                parts.Add(s[start..match.Start]);
                start = match.Start + match.Text.Length;
            }

            parts.Add(s[start..]);
        }

        if (limit is { } l)
            parts = [.. parts.Take((int)l)];
        return new JList(parts);
    }

    private static object Match(CallContext context, string s, FunctionValue matcher, double? limit)
    {
        if (limit < 0)
            throw new JsonataException("D3040", "Third argument of match function must evaluate to a positive number");
        var result = JList.CreateSequence();
        foreach (var match in Matching.Matches(context, matcher, s, "match"))
        {
            if (limit is { } l && result.Count >= l)
                break;
            result.Add(new JObject
            {
                ["match"] = match.Text,
                ["index"] = (double)match.Start,
                ["groups"] = new JList(match.Groups.Select(g => (object?)g)),
            });
        }

        return result;
    }

    private static string Replace(CallContext context, string s, object pattern, object replacement, double? limit)
    {
        if (pattern is string empty && empty.Length == 0)
            throw new JsonataException("D3010", "Second argument of replace function cannot be an empty string");
        if (limit < 0)
            throw new JsonataException("D3011", "Fourth argument of replace function must evaluate to a positive number");
        var result = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string literal)
        {
            var index = s.IndexOf(literal, StringComparison.Ordinal);
            while (index >= 0 && (limit is null || count < limit))
            {
                result.Append(s, position, index - position).Append(replacement as string);
                position = index + literal.Length;
                count++;
                index = s.IndexOf(literal, position, StringComparison.Ordinal);
            }

            return result.Append(s, position, s.Length - position).ToString();
        }

        foreach (var match in Matching.Matches(context, (FunctionValue)pattern, s, "replace"))
        {
            if (limit is not null && count >= limit)
                break;
            result.Append(s, position, match.Start - position);
            var substitute = replacement is string template
                ? Substitute(template, match)
                : context.Apply((FunctionValue)replacement, [match.ToObject()]);
            if (substitute is not string text)
                throw new JsonataException("D3012", "Attempted to replace a matched string with a non-string value");
            result.Append(text);
            position = match.Start + match.Text.Length;
            count++;
        }

        return result.Append(s, position, s.Length - position).ToString();
    }

    private static string Substitute(string template, MatchInfo match)
    {
        var result = new StringBuilder();
        var position = 0;
        var index = template.IndexOf('$', position);
        while (index >= 0 && position < template.Length)
        {
            result.Append(template, position, index - position);
            position = index + 1;
            var next = position < template.Length ? template[position] : '\0';
            if (next == '$')
            {
                result.Append('$');
                position++;
            }
            else if (next == '0')
            {
                result.Append(match.Text);
                position++;
            }
            else
            {
                var groupCount = match.Groups.Count;
                var maxDigits = groupCount == 0 ? 1 : (int)Math.Floor(Math.Log10(groupCount)) + 1;
                var group = LeadingInteger(template, position, maxDigits);
                if (maxDigits > 1 && group > groupCount)
                    group = LeadingInteger(template, position, maxDigits - 1);
                if (group is { } g)
                {
                    if (groupCount > 0 && g >= 1 && g <= groupCount)
                        result.Append(match.Groups[g - 1]);
                    position += g.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    result.Append('$');
                }
            }

            index = template.IndexOf('$', position);
        }

        return result.Append(template, position, template.Length - position).ToString();
    }

    private static int? LeadingInteger(string text, int start, int maxDigits)
    {
        var end = start;
        while (end < text.Length && end - start < maxDigits && char.IsAsciiDigit(text[end]))
            end++;
        return end == start ? null : int.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture);
    }

    private static string FormatBase(double value, double? radix)
    {
        var number = NumericFunctions.JsRound(value);
        var r = radix is { } given ? (int)given : 10;
        if (r < 2 || r > 36)
            throw new JsonataException("D3100", $"The radix of the formatBase function must be between 2 and 36.  It was given {r}");
        var negative = number < 0;
        var magnitude = (ulong)Math.Abs(number);
        var digits = new StringBuilder();
        do
        {
            var digit = (int)(magnitude % (ulong)r);
            digits.Insert(0, (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            magnitude /= (ulong)r;
        }
        while (magnitude > 0);
        return (negative ? "-" : "") + digits;
    }

    private static object? Eval(CallContext context, string? text, object? focus)
    {
        if (text is null)
            return null;
        Node tree;
        try
        {
            tree = TreeRewriter.Rewrite(Parser.Parse(text));
        }
        catch (JsonataException error)
        {
            throw new JsonataException("D3120", "The expression passed to $eval cannot be parsed: " + error.Message);
        }

        try
        {
            var input = focus is JList list && !list.Sequence ? new JList(list) { Sequence = true, OuterWrapper = true } : focus;
            return Evaluator.Evaluate(tree, input, context.Frame);
        }
        catch (JsonataException error)
        {
            throw new JsonataException("D3121", "Dynamic error evaluating the expression passed to function eval: " + error.Message);
        }
    }
}
