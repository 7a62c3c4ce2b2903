using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Evaluation;

internal static partial class Evaluator
{
    private static object? Negate(Node expr, object? input, Frame frame)
    {
        var value = Evaluate(expr.Lhs!, input, frame);
        return value switch
        {
            null => null,
            double number => -number,
            _ => throw new JsonataException("D1002", $"Cannot negate a non-numeric value: {Values.Stringify(value)}", expr.Position, "-"),
        };
    }

    private static object? Binary(Node expr, object? input, Frame frame)
    {
        var op = (string)expr.Value!;
        var lhs = Evaluate(expr.Lhs!, input, frame);
        if (op is "and" or "or")
        {
            var left = Values.Boolean(lhs) == true;
            if (op == "and" && !left)
                return false;
            if (op == "or" && left)
                return true;
            return Values.Boolean(Evaluate(expr.Rhs!, input, frame)) == true;
        }

        var rhs = Evaluate(expr.Rhs!, input, frame);
        return op switch
        {
            "+" or "-" or "*" or "/" or "%" => Arithmetic(expr, op, lhs, rhs),
            "=" => lhs is not null && rhs is not null && Values.DeepEquals(lhs, rhs),
            "!=" => lhs is not null && rhs is not null && !Values.DeepEquals(lhs, rhs),
            "<" or "<=" or ">" or ">=" => Comparison(expr, op, lhs, rhs),
            "&" => (lhs is null ? "" : Values.ToJsString(lhs)) + (rhs is null ? "" : Values.ToJsString(rhs)),
            ".." => Range(expr, lhs, rhs),
            "in" => Includes(lhs, rhs),
            _ => throw new JsonataException("S0201", $"Syntax error: \"{op}\"", expr.Position, op),
        };
    }

    private static object? Arithmetic(Node expr, string op, object? lhs, object? rhs)
    {
        if (lhs is not null && !IsNumber(lhs))
            throw new JsonataException("T2001", $"The left side of the \"{op}\" operator must evaluate to a number", expr.Position, op);
        if (rhs is not null && !IsNumber(rhs))
            throw new JsonataException("T2002", $"The right side of the \"{op}\" operator must evaluate to a number", expr.Position, op);
        if (lhs is null || rhs is null)
            return null;
        var a = (double)lhs;
        var b = (double)rhs;
        var result = op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            _ => a % b,
        };
        return result;
    }

    private static bool IsNumber(object value) => value is double d && Values.CheckNumber(d, -1) is double;

    private static object? Comparison(Node expr, string op, object? lhs, object? rhs)
    {
        var leftComparable = lhs is null or string or double;
        var rightComparable = rhs is null or string or double;
        if (!leftComparable || !rightComparable)
            throw new JsonataException("T2010", $"The expressions either side of operator \"{op}\" must evaluate to numeric or string values", expr.Position, op);
        if (lhs is null || rhs is null)
            return null;
        if (lhs.GetType() != rhs.GetType())
            throw new JsonataException("T2009", $"The values {Values.Stringify(lhs)} and {Values.Stringify(rhs)} either side of operator \"{op}\" must be of the same data type", expr.Position, op);
        var comparison = lhs is string s ? string.CompareOrdinal(s, (string)rhs) : ((double)lhs).CompareTo((double)rhs);
        return op switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            _ => comparison >= 0,
        };
    }

    private static object? Range(Node expr, object? lhs, object? rhs)
    {
        if (lhs is not null && !Values.IsInteger(lhs))
            throw new JsonataException("T2003", "The left side of the range operator (..) must evaluate to an integer", expr.Position, "..");
        if (rhs is not null && !Values.IsInteger(rhs))
            throw new JsonataException("T2004", "The right side of the range operator (..) must evaluate to an integer", expr.Position, "..");
        if (lhs is null || rhs is null)
            return null;
        var from = (double)lhs;
        var to = (double)rhs;
        if (from > to)
            return null;
        var size = to - from + 1;
        if (size > 1e7)
            throw new JsonataException("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {size}.", expr.Position, "..");
        var result = new JList { Capacity = (int)size };
        result.Sequence = true;
        for (var value = from; value <= to; value++)
            result.Add(value);
        return result;
    }

    private static bool Includes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
            return false;
        if (rhs is not JList items)
            return Values.DeepEquals(lhs, rhs);
        return items.Any(item => Values.DeepEquals(item, lhs));
    }
}
