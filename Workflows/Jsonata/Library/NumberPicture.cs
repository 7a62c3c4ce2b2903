using System.Globalization;
using System.Text;
using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>
/// XPath's decimal format pictures as $formatNumber applies them: one or two sub-pictures (positive;negative), each
/// with prefix, integer and fractional digits, grouping, an optional exponent, percent or per-mille, and a suffix.
/// </summary>
internal static class NumberPicture
{
    private sealed record Parts(string Prefix, string Suffix, string Active, string Mantissa, string? Exponent, string Integer, string Fraction, string Picture);

    private sealed record Analysis(
        List<int> IntegerGroups,
        int RegularGrouping,
        int MinimumInteger,
        int ScalingFactor,
        string Prefix,
        List<int> FractionGroups,
        int MinimumFraction,
        int MaximumFraction,
        int MinimumExponent,
        string Suffix,
        string Picture);

    public static string Format(double value, string picture, JObject? options)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decimal-separator"] = ".", ["grouping-separator"] = ",", ["exponent-separator"] = "e", ["infinity"] = "Infinity",
            ["minus-sign"] = "-", ["NaN"] = "NaN", ["percent"] = "%", ["per-mille"] = "\u2030", ["zero-digit"] = "0",
            ["digit"] = "#", ["pattern-separator"] = ";",
        };
        if (options is not null)
        {
            foreach (var (key, option) in options)
            {
                if (option is string text)
                    properties[key] = text;
            }
        }

        var zero = properties["zero-digit"][0];
        var family = Enumerable.Range(zero, 10).Select(c => ((char)c).ToString()).ToList();
        var decimalSeparator = properties["decimal-separator"];
        var exponentSeparator = properties["exponent-separator"];
        var groupingSeparator = properties["grouping-separator"];
        var digit = properties["digit"];
        var active = new List<string>(family) { decimalSeparator, exponentSeparator, groupingSeparator, digit, properties["pattern-separator"] };
        bool IsActive(char c) => active.Contains(c.ToString());
        bool IsDigit(char c) => family.Contains(c.ToString());

        var subPictures = picture.Split(properties["pattern-separator"]);
        if (subPictures.Length > 2)
            throw new JsonataException("D3080", "The picture string must only contain a maximum of two sub-pictures");

        Parts Split(string sub)
        {
            var prefixEnd = sub.Length;
            for (var i = 0; i < sub.Length; i++)
            {
                if (IsActive(sub[i]) && sub[i].ToString() != exponentSeparator)
                {
                    prefixEnd = i;
                    break;
                }
            }

            var suffixStart = sub.Length;
            for (var i = sub.Length - 1; i >= 0; i--)
            {
                if (IsActive(sub[i]) && sub[i].ToString() != exponentSeparator)
                {
                    suffixStart = i + 1;
                    break;
                }
            }

            if (prefixEnd == sub.Length)
                throw new JsonataException("D3086", $"The picture string must contain at least one digit or decimal separator: {sub}");
            var prefix = sub[..prefixEnd];
            var suffix = sub[suffixStart..];
            var activePart = sub.Substring(prefix.Length, Math.Max(0, sub.Length - prefix.Length - suffix.Length));
            string mantissa;
            string? exponent;
            var exponentPosition = sub.IndexOf(exponentSeparator, prefix.Length, StringComparison.Ordinal);
            if (exponentPosition == -1 || exponentPosition > sub.Length - suffix.Length)
            {
                mantissa = activePart;
                exponent = null;
            }
            else
            {
                mantissa = activePart[..Math.Min(exponentPosition, activePart.Length)];
                exponent = exponentPosition + 1 <= activePart.Length ? activePart[(exponentPosition + 1)..] : "";
            }

            var decimalPosition = mantissa.IndexOf(decimalSeparator, StringComparison.Ordinal);
            return decimalPosition == -1
                ? new Parts(prefix, suffix, activePart, mantissa, exponent, mantissa, suffix, sub)
                : new Parts(prefix, suffix, activePart, mantissa, exponent, mantissa[..decimalPosition], mantissa[(decimalPosition + 1)..], sub);
        }

        void Validate(Parts parts)
        {
            string? error = null;
            var sub = parts.Picture;
            var decimalPos = sub.IndexOf(decimalSeparator, StringComparison.Ordinal);
            var percent = properties["percent"];
            var perMille = properties["per-mille"];
            if (decimalPos != sub.LastIndexOf(decimalSeparator, StringComparison.Ordinal))
                error = "D3081";
            if (sub.IndexOf(percent, StringComparison.Ordinal) != sub.LastIndexOf(percent, StringComparison.Ordinal))
                error = "D3082";
            if (sub.IndexOf(perMille, StringComparison.Ordinal) != sub.LastIndexOf(perMille, StringComparison.Ordinal))
                error = "D3083";
            if (sub.Contains(percent, StringComparison.Ordinal) && sub.Contains(perMille, StringComparison.Ordinal))
                error = "D3084";
            if (!parts.Mantissa.Any(c => IsDigit(c) || c.ToString() == digit))
                error = "D3085";
            if (parts.Active.Any(c => !IsActive(c)))
                error = "D3086";
            if (decimalPos != -1)
            {
                if ((decimalPos > 0 && sub[decimalPos - 1].ToString() == groupingSeparator) || (decimalPos + 1 < sub.Length && sub[decimalPos + 1].ToString() == groupingSeparator))
                    error = "D3087";
            }
            else if (parts.Integer.EndsWith(groupingSeparator, StringComparison.Ordinal))
            {
                error = "D3088";
            }

            if (sub.Contains(groupingSeparator + groupingSeparator, StringComparison.Ordinal))
                error = "D3089";
            var optional = parts.Integer.IndexOf(digit, StringComparison.Ordinal);
            if (optional != -1 && parts.Integer[..optional].Any(IsDigit))
                error = "D3090";
            optional = parts.Fraction.LastIndexOf(digit, StringComparison.Ordinal);
            if (optional != -1 && parts.Fraction[optional..].Any(IsDigit))
                error = "D3091";
            if (parts.Exponent is { Length: > 0 } && (sub.Contains(percent, StringComparison.Ordinal) || sub.Contains(perMille, StringComparison.Ordinal)))
                error = "D3092";
            if (parts.Exponent is not null && (parts.Exponent.Length == 0 || parts.Exponent.Any(c => !IsDigit(c))))
                error = "D3093";
            if (error is not null)
                throw new JsonataException(error, $"Invalid picture string for $formatNumber: {picture}");
        }

        Analysis Analyse(Parts parts)
        {
            List<int> GroupingPositions(string part, bool toLeft)
            {
                var positions = new List<int>();
                var position = part.IndexOf(groupingSeparator, StringComparison.Ordinal);
                while (position != -1)
                {
                    var counted = toLeft ? part[..position] : part[position..];
                    positions.Add(counted.Count(c => IsDigit(c) || c.ToString() == digit));
                    position = position + 1 <= parts.Integer.Length ? parts.Integer.IndexOf(groupingSeparator, position + 1, StringComparison.Ordinal) : -1;
                }

                return positions;
            }

            var integerGroups = GroupingPositions(parts.Integer, false);
            var regular = 0;
            if (integerGroups.Count > 0)
            {
                var factor = integerGroups.Aggregate(Gcd);
                regular = factor;
                for (var index = 1; index <= integerGroups.Count; index++)
                {
                    if (!integerGroups.Contains(index * factor))
                    {
                        regular = 0;
                        break;
                    }
                }
            }

            var fractionGroups = GroupingPositions(parts.Fraction, true);
            var minimumInteger = parts.Integer.Count(IsDigit);
            var scaling = minimumInteger;
            var minimumFraction = parts.Fraction.Count(IsDigit);
            var maximumFraction = parts.Fraction.Count(c => IsDigit(c) || c.ToString() == digit);
            var exponentPresent = parts.Exponent is not null;
            if (minimumInteger == 0 && maximumFraction == 0)
            {
                if (exponentPresent)
                {
                    minimumFraction = 1;
                    maximumFraction = 1;
                }
                else
                {
                    minimumInteger = 1;
                }
            }

            if (exponentPresent && minimumInteger == 0 && parts.Integer.Contains(digit, StringComparison.Ordinal))
                minimumInteger = 1;
            if (minimumInteger == 0 && minimumFraction == 0)
                minimumFraction = 1;
            var minimumExponent = exponentPresent ? parts.Exponent!.Count(IsDigit) : 0;
            return new Analysis(integerGroups, regular, minimumInteger, scaling, parts.Prefix, fractionGroups, minimumFraction, maximumFraction, minimumExponent, parts.Suffix, parts.Picture);
        }

        var allParts = subPictures.Select(Split).ToList();
        allParts.ForEach(Validate);
        var variables = allParts.Select(Analyse).ToList();
        var minus = properties["minus-sign"];
        if (variables.Count == 1)
            variables.Add(variables[0] with { Prefix = minus + variables[0].Prefix });
        var pic = value >= 0 ? variables[0] : variables[1];
        var adjusted = pic.Picture.Contains(properties["percent"], StringComparison.Ordinal) ? value * 100
            : pic.Picture.Contains(properties["per-mille"], StringComparison.Ordinal) ? value * 1000
            : value;
        double mantissaValue;
        int? exponentValue = null;
        if (pic.MinimumExponent == 0)
        {
            mantissaValue = adjusted;
        }
        else
        {
            var max = Math.Pow(10, pic.ScalingFactor);
            var min = Math.Pow(10, pic.ScalingFactor - 1);
            mantissaValue = Math.Abs(adjusted);
            var exponent = 0;
            while (mantissaValue != 0 && mantissaValue < min)
            {
                mantissaValue *= 10;
                exponent--;
            }

            while (mantissaValue > max)
            {
                mantissaValue /= 10;
                exponent++;
            }

            exponentValue = exponent;
        }

        var rounded = NumericFunctions.Round(mantissaValue, pic.MaximumFraction);
        string MakeString(double number, int places)
        {
            var text = Math.Abs(number).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return zero == '0' ? text : string.Concat(text.Select(c => c is >= '0' and <= '9' ? family[c - '0'] : c.ToString()));
        }

        var zeroText = zero.ToString();
        var result = MakeString(rounded, pic.MaximumFraction);
        result = result.Contains('.', StringComparison.Ordinal) ? result.Replace(".", decimalSeparator, StringComparison.Ordinal) : result + decimalSeparator;
        while (result.StartsWith(zeroText, StringComparison.Ordinal))
            result = result[1..];
        while (result.EndsWith(zeroText, StringComparison.Ordinal))
            result = result[..^1];
        var decimalAt = result.IndexOf(decimalSeparator, StringComparison.Ordinal);
        var padLeft = pic.MinimumInteger - decimalAt;
        var padRight = pic.MinimumFraction - (result.Length - decimalAt - 1);
        result = (padLeft > 0 ? string.Concat(Enumerable.Repeat(zeroText, padLeft)) : "") + result;
        result += padRight > 0 ? string.Concat(Enumerable.Repeat(zeroText, padRight)) : "";
        decimalAt = result.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (pic.RegularGrouping > 0)
        {
            var groups = (decimalAt - 1) / pic.RegularGrouping;
            for (var group = 1; group <= groups; group++)
            {
                var at = decimalAt - group * pic.RegularGrouping;
                result = result[..at] + groupingSeparator + result[at..];
            }
        }
        else
        {
            foreach (var position in pic.IntegerGroups)
            {
                var at = decimalAt - position;
                result = result[..at] + groupingSeparator + result[at..];
                decimalAt++;
            }
        }

        decimalAt = result.IndexOf(decimalSeparator, StringComparison.Ordinal);
        foreach (var position in pic.FractionGroups)
        {
            var at = position + decimalAt + 1;
            result = result[..at] + groupingSeparator + result[at..];
        }

        decimalAt = result.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (pic.MinimumFraction == 0 && decimalAt == result.Length - 1)
            result = result[..^1];
        if (exponentValue is { } e)
        {
            var exponentText = MakeString(e, 0);
            var pad = pic.MinimumExponent - exponentText.Length;
            if (pad > 0)
                exponentText = string.Concat(Enumerable.Repeat(zeroText, pad)) + exponentText;
            result += exponentSeparator + (e < 0 ? minus : "") + exponentText;
        }

        return new StringBuilder(pic.Prefix).Append(result).Append(pic.Suffix).ToString();
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
