using System.Globalization;
using System.Text;
using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>
/// XPath's integer pictures as $formatInteger and $parseInteger (and the date/time components) use them: decimal digit
/// patterns with grouping separators, letters (a, A), roman numerals (i, I) and words (w, W, Ww), optionally ordinal.
/// </summary>
internal sealed class IntegerPicture
{
    private static readonly int[] DecimalZeros =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    private static readonly string[] Few =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Ordinals =
    [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static readonly string[] Decades = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"];
    private static readonly string[] OrdinalTens = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
    private static readonly string[] Magnitudes = ["thousand", "million", "billion", "trillion"];
    private static readonly (int Value, string Numeral)[] Romans =
        [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];

    private static readonly Dictionary<string, double> WordValues = BuildWordValues();

    /// <summary>Every number word this picture reads, for matching words inside a longer text.</summary>
    public static IEnumerable<string> NumberWords => WordValues.Keys;

    public enum Kind
    {
        Decimal,
        Letters,
        Roman,
        Words,
        Sequence,
    }

    public enum LetterCase
    {
        Lower,
        Upper,
        Title,
    }

    public Kind Primary { get; private init; } = Kind.Decimal;

    public LetterCase Case { get; private init; } = LetterCase.Lower;

    public bool Ordinal { get; private init; }

    public int ZeroCode { get; private init; } = 0x30;

    public int MandatoryDigits { get; private init; }

    public int OptionalDigits { get; private init; }

    public (int Every, string Character)? RegularGrouping { get; private init; }

    public List<(int Position, string Character)> Separators { get; private init; } = [];

    public string Token { get; private init; } = "";

    public IntegerPicture WithMandatoryDigits(int digits) => new()
    {
        Primary = Primary,
        Case = Case,
        Ordinal = Ordinal,
        ZeroCode = ZeroCode,
        MandatoryDigits = digits,
        OptionalDigits = OptionalDigits,
        RegularGrouping = RegularGrouping,
        Separators = Separators,
        Token = Token,
    };

    public static string Format(double value, string picture) => Analyse(picture).Format(Math.Floor(value));

    public static double? Parse(string text, string picture) => Analyse(picture).Parse(text);

    public static IntegerPicture Analyse(string picture)
    {
        var semicolon = picture.LastIndexOf(';');
        var primary = semicolon < 0 ? picture : picture[..semicolon];
        var ordinal = semicolon >= 0 && picture.Length > semicolon + 1 && picture[semicolon + 1] == 'o';
        switch (primary)
        {
            case "A": return new IntegerPicture { Primary = Kind.Letters, Case = LetterCase.Upper, Ordinal = ordinal };
            case "a": return new IntegerPicture { Primary = Kind.Letters, Ordinal = ordinal };
            case "I": return new IntegerPicture { Primary = Kind.Roman, Case = LetterCase.Upper, Ordinal = ordinal };
            case "i": return new IntegerPicture { Primary = Kind.Roman, Ordinal = ordinal };
            case "W": return new IntegerPicture { Primary = Kind.Words, Case = LetterCase.Upper, Ordinal = ordinal };
            case "Ww": return new IntegerPicture { Primary = Kind.Words, Case = LetterCase.Title, Ordinal = ordinal };
            case "w": return new IntegerPicture { Primary = Kind.Words, Ordinal = ordinal };
        }

        int? zeroCode = null;
        int mandatory = 0, optional = 0, separatorPosition = 0;
        var separators = new List<(int, string)>();
        var codePoints = new List<int>();
        for (var i = 0; i < primary.Length; i += char.IsSurrogatePair(primary, i) ? 2 : 1)
            codePoints.Add(char.ConvertToUtf32(primary, i));
        codePoints.Reverse();
        foreach (var codePoint in codePoints)
        {
            var zero = DecimalZeros.FirstOrDefault(z => codePoint >= z && codePoint <= z + 9, -1);
            if (zero >= 0)
            {
                mandatory++;
                separatorPosition++;
                if (zeroCode is null)
                    zeroCode = zero;
                else if (zeroCode != zero)
                    throw new JsonataException("D3131", "In a decimal digit pattern, all digits must be from the same decimal group");
            }
            else if (codePoint == '#')
            {
                separatorPosition++;
                optional++;
            }
            else
            {
                separators.Add((separatorPosition, char.ConvertFromUtf32(codePoint)));
            }
        }

        if (mandatory == 0)
            return new IntegerPicture { Primary = Kind.Sequence, Token = primary };
        return new IntegerPicture
        {
            ZeroCode = zeroCode!.Value,
            MandatoryDigits = mandatory,
            OptionalDigits = optional,
            Ordinal = ordinal,
            RegularGrouping = Regular(separators),
            Separators = separators,
        };
    }

    private static (int, string)? Regular(List<(int Position, string Character)> separators)
    {
        if (separators.Count == 0 || separators.Any(s => s.Character != separators[0].Character))
            return null;
        var factor = separators.Select(s => s.Position).Aggregate(Gcd);
        for (var index = 1; index <= separators.Count; index++)
        {
            if (!separators.Any(s => s.Position == index * factor))
                return null;
        }

        return (factor, separators[0].Character);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    public string Format(double value)
    {
        var negative = value < 0;
        value = Math.Abs(value);
        string result;
        switch (Primary)
        {
            case Kind.Letters:
                result = Letters(value, Case == LetterCase.Upper ? 'A' : 'a');
                break;
            case Kind.Roman:
                result = Roman(value);
                if (Case == LetterCase.Upper)
                    result = result.ToUpperInvariant();
                break;
            case Kind.Words:
                result = Words(value, false, Ordinal);
                if (Case == LetterCase.Upper)
                    result = result.ToUpperInvariant();
                else if (Case == LetterCase.Title)
                    result = TitleCase(result);
                break;
            case Kind.Decimal:
                result = Decimal(value);
                break;
            default:
                throw new JsonataException("D3130", $"Formatting or parsing an integer as a sequence starting with {Token} is not supported by this implementation", -1, Token);
        }

        return negative ? "-" + result : result;
    }

    private string Decimal(double value)
    {
        var digits = JsNumber.Format(value);
        if (digits.Length < MandatoryDigits)
            digits = new string('0', MandatoryDigits - digits.Length) + digits;
        if (ZeroCode != 0x30)
            digits = string.Concat(digits.Select(c => char.ConvertFromUtf32(c + ZeroCode - 0x30)));
        var text = new List<string>();
        for (var i = 0; i < digits.Length; i += char.IsSurrogatePair(digits, i) ? 2 : 1)
            text.Add(char.IsSurrogatePair(digits, i) ? digits.Substring(i, 2) : digits[i].ToString());
        if (RegularGrouping is var (every, groupCharacter))
        {
            var n = (text.Count - 1) / every;
            for (var i = n; i > 0; i--)
                text.Insert(text.Count - i * every, groupCharacter);
        }
        else
        {
            foreach (var (position, character) in Enumerable.Reverse(Separators))
            {
                var at = text.Count - position;
                if (at >= 0)
                    text.Insert(at, character);
            }
        }

        var result = string.Concat(text);
        if (Ordinal)
        {
            var last = result[^1];
            var suffix = last switch { '1' => "st", '2' => "nd", '3' => "rd", _ => "th" };
            if (result.Length > 1 && result[^2] == '1')
                suffix = "th";
            result += suffix;
        }

        return result;
    }

    private static string Letters(double value, char a)
    {
        var letters = new StringBuilder();
        var n = (long)value;
        while (n > 0)
        {
            letters.Insert(0, (char)((n - 1) % 26 + a));
            n = (n - 1) / 26;
        }

        return letters.ToString();
    }

    private static string Roman(double value)
    {
        var n = (long)value;
        var result = new StringBuilder();
        foreach (var (amount, numeral) in Romans)
        {
            while (n >= amount)
            {
                result.Append(numeral);
                n -= amount;
            }
        }

        return result.ToString();
    }

    private static string Words(double num, bool previous, bool ordinal)
    {
        string words;
        if (num <= 19)
        {
            words = (previous ? " and " : "") + (ordinal ? Ordinals[(int)num] : Few[(int)num]);
        }
        else if (num < 100)
        {
            var tens = (int)Math.Floor(num / 10);
            var remainder = num % 10;
            words = (previous ? " and " : "") + (ordinal && remainder == 0 ? OrdinalTens[tens - 2] : Decades[tens - 2]);
            if (remainder > 0)
                words += "-" + Words(remainder, false, ordinal);
        }
        else if (num < 1000)
        {
            var hundreds = (int)Math.Floor(num / 100);
            var remainder = num % 100;
            words = (previous ? ", " : "") + Few[hundreds] + " hundred";
            if (remainder > 0)
                words += Words(remainder, true, ordinal);
            else if (ordinal)
                words += "th";
        }
        else
        {
            var magnitude = (int)Math.Floor(Math.Log10(num) / 3);
            if (magnitude > Magnitudes.Length)
                magnitude = Magnitudes.Length;
            var factor = Math.Pow(10, magnitude * 3);
            var mantissa = Math.Floor(num / factor);
            var remainder = num - mantissa * factor;
            words = (previous ? ", " : "") + Words(mantissa, false, false) + " " + Magnitudes[magnitude - 1];
            if (remainder > 0)
                words += Words(remainder, true, ordinal);
            else if (ordinal)
                words += "th";
        }

        return words;
    }

    private static string TitleCase(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var startsWord = i == 0 || chars[i - 1] is ' ' or '-';
            var isAnd = string.CompareOrdinal(text, i, "and ", 0, 4) == 0;
            if (startsWord && !isAnd)
                chars[i] = char.ToUpperInvariant(chars[i]);
        }

        return new string(chars);
    }

    public double? Parse(string text)
    {
        switch (Primary)
        {
            case Kind.Letters:
                var a = Case == LetterCase.Upper ? 'A' : 'a';
                double letters = 0;
                for (var i = 0; i < text.Length; i++)
                    letters += (text[text.Length - i - 1] - a + 1) * Math.Pow(26, i);
                return letters;
            case Kind.Roman:
                var upper = text.ToUpperInvariant();
                double roman = 0;
                var max = 1;
                for (var i = upper.Length - 1; i >= 0; i--)
                {
                    var value = Romans.FirstOrDefault(r => r.Numeral == char.ToLowerInvariant(upper[i]).ToString()).Value;
                    if (value < max)
                    {
                        roman -= value;
                    }
                    else
                    {
                        max = value;
                        roman += value;
                    }
                }

                return roman;
            case Kind.Words:
                return WordsToNumber(text.ToLowerInvariant());
            case Kind.Decimal:
                var digits = Ordinal ? text[..^2] : text;
                if (RegularGrouping is var (_, groupCharacter))
                {
                    digits = digits.Replace(groupCharacter, "", StringComparison.Ordinal);
                }
                else
                {
                    foreach (var (_, separator) in Separators)
                        digits = digits.Replace(separator, "", StringComparison.Ordinal);
                }

                if (ZeroCode != 0x30)
                    digits = string.Concat(digits.Select(c => (char)(c - ZeroCode + 0x30)));
                var end = 0;
                while (end < digits.Length && (char.IsAsciiDigit(digits[end]) || (end == 0 && digits[end] == '-')))
                    end++;
                return double.TryParse(digits[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                throw new JsonataException("D3130", $"Formatting or parsing an integer as a sequence starting with {Token} is not supported by this implementation", -1, Token);
        }
    }

    private static double WordsToNumber(string text)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(text, @",\s|\sand\s|[\s\\-]");
        var segments = new List<double> { 0 };
        foreach (var part in parts)
        {
            var value = WordValues.GetValueOrDefault(part, double.NaN);
            if (value < 100)
            {
                var top = segments[^1];
                segments.RemoveAt(segments.Count - 1);
                if (top >= 1000)
                {
                    segments.Add(top);
                    top = 0;
                }

                segments.Add(top + value);
            }
            else
            {
                segments[^1] *= value;
            }
        }

        return segments.Sum();
    }

    private static Dictionary<string, double> BuildWordValues()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Few.Length; i++)
        {
            values[Few[i]] = i;
            values[Ordinals[i]] = i;
        }

        for (var i = 0; i < Decades.Length; i++)
        {
            values[Decades[i]] = (i + 2) * 10;
            values[Decades[i][..^1] + "ieth"] = (i + 2) * 10;
        }

        values["hundredth"] = 100;
        for (var i = 0; i < Magnitudes.Length; i++)
        {
            var value = Math.Pow(10, (i + 1) * 3);
            values[Magnitudes[i]] = value;
            values[Magnitudes[i] + "th"] = value;
        }

        return values;
    }
}
