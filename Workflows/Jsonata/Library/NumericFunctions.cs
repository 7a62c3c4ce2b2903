using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>$number, rounding, $power, $sqrt, $random and the numeric aggregates.</summary>
internal static partial class NumericFunctions
{
    public static void Register(Dictionary<string, FunctionValue> table)
    {
        FunctionLibrary.Add(table, "number", "<(nsb)-:n>", (_, a) => ToNumber(a[0]));
        FunctionLibrary.Add(table, "abs", "<n-:n>", (_, a) => a[0] is double d ? Math.Abs(d) : null);
        FunctionLibrary.Add(table, "floor", "<n-:n>", (_, a) => a[0] is double d ? Math.Floor(d) : null);
        FunctionLibrary.Add(table, "ceil", "<n-:n>", (_, a) => a[0] is double d ? Math.Ceiling(d) : null);
        FunctionLibrary.Add(table, "round", "<n-n?:n>", (_, a) => a[0] is double d ? Round(d, a[1] is double p ? (int)p : 0) : null);
        FunctionLibrary.Add(table, "sqrt", "<n-:n>", (_, a) => a[0] switch
        {
            double d when d < 0 => throw new JsonataException("D3060", $"The sqrt function cannot be applied to a negative number: {JsNumber.Format(d)}"),
            double d => Math.Sqrt(d),
            _ => null,
        });
        FunctionLibrary.Add(table, "power", "<n-n:n>", (_, a) =>
        {
            if (a[0] is not double x)
                return null;
            var result = Math.Pow(x, (double)a[1]!);
            if (!double.IsFinite(result))
                throw new JsonataException("D3061", $"The power function has resulted in a value that cannot be represented as a JSON number: base={JsNumber.Format(x)}, exponent={JsNumber.Format((double)a[1]!)}");
            return result;
        });
        FunctionLibrary.Add(table, "random", "<:n>", (_, _) => Random.Shared.NextDouble());
        FunctionLibrary.Add(table, "sum", "<a<n>:n>", (_, a) => a[0] is JList l ? l.Sum(x => (double)x!) : null);
        FunctionLibrary.Add(table, "max", "<a<n>:n>", (_, a) => a[0] is JList { Count: > 0 } l ? l.Max(x => (double)x!) : null);
        FunctionLibrary.Add(table, "min", "<a<n>:n>", (_, a) => a[0] is JList { Count: > 0 } l ? l.Min(x => (double)x!) : null);
        FunctionLibrary.Add(table, "average", "<a<n>:n>", (_, a) => a[0] is JList { Count: > 0 } l ? l.Average(x => (double)x!) : null);
    }

    public static object? ToNumber(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case double:
                return value;
            case bool b:
                return b ? 1.0 : 0.0;
            case string s when DecimalNumber().IsMatch(s):
                var parsed = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsFinite(parsed))
                    return parsed;
                break;
            case string s when s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' && s[2..].All(char.IsAsciiHexDigit):
                return (double)Convert.ToUInt64(s[2..], 16);
            case string s when s.Length > 2 && s[0] == '0' && s[1] is 'o' or 'O' && s[2..].All(c => c is >= '0' and <= '7'):
                return (double)Convert.ToUInt64(s[2..], 8);
            case string s when s.Length > 2 && s[0] == '0' && s[1] is 'b' or 'B' && s[2..].All(c => c is '0' or '1'):
                return (double)Convert.ToUInt64(s[2..], 2);
        }

        throw new JsonataException("D3030", $"Unable to cast value to a number: {Values.Stringify(value)}");
    }

    public static double JsRound(double value)
    {
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    public static double Round(double value, int precision)
    {
        var shifted = precision == 0 ? value : Shift(value, precision);
        var result = JsRound(shifted);
        var difference = result - shifted;
        if (Math.Abs(difference) == 0.5 && Math.Abs(result % 2) == 1)
            result -= 1;
        if (precision != 0)
            result = Shift(result, -precision);
        return result == 0 ? 0 : result;
    }

    private static double Shift(double value, int places)
    {
        var parts = JsNumber.Format(value).Split('e');
        var exponent = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) + places : places;
        return double.Parse(parts[0] + "e" + exponent.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$")]
    private static partial Regex DecimalNumber();
}
