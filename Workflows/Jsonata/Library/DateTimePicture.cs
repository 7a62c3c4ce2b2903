using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>
/// XPath date/time pictures (<c>[Y0001]-[M01]-[D01]</c>, <c>[FNn], [D1o] [MNn]</c>, ...) as $fromMillis formats with
/// them: literal text and variable markers, each a component with presentation and width modifiers.
/// </summary>
internal static partial class DateTimePicture
{
    private const long MillisPerDay = 86_400_000;
    private static readonly string[] Days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Dictionary<char, string> DefaultPresentations = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1",
        ['x'] = "1", ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01",
        ['z'] = "01:01", ['C'] = "n", ['E'] = "n",
    };

    private static readonly Lazy<List<Part>> Iso8601 = new(() => Analyse("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"));

    internal sealed class Part
    {
        public string? Literal { get; init; }

        public char Component { get; init; }

        public string Presentation1 { get; set; } = "";

        public string? Presentation2 { get; set; }

        public IntegerPicture.LetterCase? Names { get; set; }

        public IntegerPicture? IntegerFormat { get; set; }

        public int? MinWidth { get; set; }

        public int? MaxWidth { get; set; }

        public int Digits { get; set; } = -1;
    }

    public static List<Part> Analyse(string picture)
    {
        var parts = new List<Part>();
        void AddLiteral(int start, int end)
        {
            if (end > start)
                parts.Add(new Part { Literal = picture[start..end].Replace("]]", "]", StringComparison.Ordinal) });
        }

        int start = 0, position = 0;
        while (position < picture.Length)
        {
            if (picture[position] == '[')
            {
                if (position + 1 < picture.Length && picture[position + 1] == '[')
                {
                    AddLiteral(start, position);
                    parts.Add(new Part { Literal = "[" });
                    position += 2;
                    start = position;
                    continue;
                }

                AddLiteral(start, position);
                start = position;
                position = picture.IndexOf(']', start);
                if (position < 0)
                    throw new JsonataException("D3135", "No matching closing bracket ']' in date/time picture string");
                var marker = Whitespace().Replace(picture[(start + 1)..position], "");
                parts.Add(Marker(marker));
                start = position + 1;
            }

            position++;
        }

        AddLiteral(start, position);
        return parts;
    }

    private static Part Marker(string marker)
    {
        var part = new Part { Component = marker.Length > 0 ? marker[0] : ' ' };
        var comma = marker.LastIndexOf(',');
        string modifiers;
        if (comma >= 0)
        {
            var width = marker[(comma + 1)..];
            var dash = width.IndexOf('-', StringComparison.Ordinal);
            part.MinWidth = ParseWidth(dash < 0 ? width : width[..dash]);
            part.MaxWidth = dash < 0 ? null : ParseWidth(width[(dash + 1)..]);
            modifiers = marker[1..comma];
        }
        else
        {
            modifiers = marker.Length > 0 ? marker[1..] : "";
        }

        if (modifiers.Length == 1)
        {
            part.Presentation1 = modifiers;
        }
        else if (modifiers.Length > 1)
        {
            var last = modifiers[^1];
            if ("atco".Contains(last, StringComparison.Ordinal))
            {
                part.Presentation2 = last.ToString();
                part.Presentation1 = modifiers[..^1];
            }
            else
            {
                part.Presentation1 = modifiers;
            }
        }
        else
        {
            part.Presentation1 = DefaultPresentations.GetValueOrDefault(part.Component)
                ?? throw new JsonataException("D3132", $"Unknown component specifier {part.Component} in date/time picture string", -1, part.Component.ToString());
        }

        if (part.Presentation1[0] == 'n')
        {
            part.Names = IntegerPicture.LetterCase.Lower;
        }
        else if (part.Presentation1[0] == 'N')
        {
            part.Names = part.Presentation1.Length > 1 && part.Presentation1[1] == 'n' ? IntegerPicture.LetterCase.Title : IntegerPicture.LetterCase.Upper;
        }
        else if ("YMDdFWwXxHhmsf".Contains(part.Component, StringComparison.Ordinal))
        {
            var pattern = part.Presentation1 + (part.Presentation2 is null ? "" : ";" + part.Presentation2);
            part.IntegerFormat = IntegerPicture.Analyse(pattern);
            if (part.MinWidth is { } min && part.IntegerFormat.MandatoryDigits < min)
                part.IntegerFormat = part.IntegerFormat.WithMandatoryDigits(min);
            if ("YMD".Contains(part.Component, StringComparison.Ordinal))
            {
                if (part.MaxWidth is { } max)
                {
                    part.Digits = max;
                    part.IntegerFormat = part.IntegerFormat.WithMandatoryDigits(max);
                }
                else
                {
                    var w = part.IntegerFormat.MandatoryDigits + part.IntegerFormat.OptionalDigits;
                    if (w >= 2)
                        part.Digits = w;
                }
            }
        }

        if (part.Component is 'Z' or 'z')
            part.IntegerFormat = IntegerPicture.Analyse(part.Presentation1);
        return part;
    }

    private static int? ParseWidth(string width) =>
        width is "" or "*" ? null : int.TryParse(width, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : null;

    public static string Format(long millis, string? picture, string? timezone)
    {
        int offsetHours = 0, offsetMinutes = 0;
        if (timezone is not null)
        {
            var offset = int.Parse(timezone, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            offsetHours = (int)Math.Floor(offset / 100.0);
            offsetMinutes = offset % 100;
        }

        var parts = picture is null ? Iso8601.Value : Analyse(picture);
        var shifted = millis + ((60L * offsetHours) + offsetMinutes) * 60 * 1000;
        var date = DateTimeOffset.FromUnixTimeMilliseconds(shifted).UtcDateTime;
        return string.Concat(parts.Select(part => part.Literal ?? FormatComponent(date, shifted, part, offsetHours, offsetMinutes)));
    }

    private static string FormatComponent(DateTime date, long now, Part part, int offsetHours, int offsetMinutes)
    {
        var component = part.Component;
        if ("YMDdFWwXxHhms".Contains(component, StringComparison.Ordinal))
        {
            var value = (double)IntegerFragment(date, now, component);
            if (component == 'Y' && part.Digits != -1)
                value %= Math.Pow(10, part.Digits);
            if (part.Names is { } names)
            {
                var name = component switch
                {
                    'M' or 'x' => Months[(int)value - 1],
                    'F' => Days[(int)value],
                    _ => throw new JsonataException("D3133", $"The 'name' modifier can only be applied to months and days in the date/time picture string, not {component}", -1, component.ToString()),
                };
                name = names switch
                {
                    IntegerPicture.LetterCase.Upper => name.ToUpperInvariant(),
                    IntegerPicture.LetterCase.Lower => name.ToLowerInvariant(),
                    _ => name,
                };
                if (part.MaxWidth is { } max && name.Length > max)
                    name = name[..max];
                return name;
            }

            return part.IntegerFormat!.Format(value);
        }

        switch (component)
        {
            case 'f':
                return part.IntegerFormat!.Format(date.Millisecond);
            case 'Z' or 'z':
                var offset = offsetHours * 100 + offsetMinutes;
                string text;
                var format = part.IntegerFormat!;
                if (format.RegularGrouping is not null)
                {
                    text = format.Format(offset);
                }
                else
                {
                    var digits = format.MandatoryDigits;
                    if (digits is 1 or 2)
                    {
                        text = format.Format(offsetHours);
                        if (offsetMinutes != 0)
                            text += ":" + IntegerPicture.Format(offsetMinutes, "00");
                    }
                    else if (digits is 3 or 4)
                    {
                        text = format.Format(offset);
                    }
                    else
                    {
                        throw new JsonataException("D3134", $"The timezone integer format specifier cannot have more than four digits", -1, digits.ToString(CultureInfo.InvariantCulture));
                    }
                }

                if (offset >= 0)
                    text = "+" + text;
                if (component == 'z')
                    text = "GMT" + text;
                if (offset == 0 && part.Presentation2 == "t")
                    text = "Z";
                return text;
            case 'P':
                var meridian = date.Hour >= 12 ? "pm" : "am";
                return part.Names == IntegerPicture.LetterCase.Upper ? meridian.ToUpperInvariant() : meridian;
            case 'C' or 'E':
                return "ISO";
            default:
                throw new JsonataException("D3132", $"Unknown component specifier {component} in date/time picture string", -1, component.ToString());
        }
    }

    private static long IntegerFragment(DateTime date, long now, char component)
    {
        switch (component)
        {
            case 'Y': return date.Year;
            case 'M': return date.Month;
            case 'D': return date.Day;
            case 'd': return date.DayOfYear;
            case 'F': return date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            case 'H': return date.Hour;
            case 'h': return date.Hour % 12 == 0 ? 12 : date.Hour % 12;
            case 'm': return date.Minute;
            case 's': return date.Second;
            case 'W':
            {
                var week1 = StartOfFirstWeek(date.Year, 1);
                var following = StartOfFirstWeek(date.Year + 1, 1);
                if (now < week1)
                    return (now - StartOfFirstWeek(date.Year - 1, 1)) / (MillisPerDay * 7) + 1;
                return now >= following ? 1 : (now - week1) / (MillisPerDay * 7) + 1;
            }

            case 'X':
            {
                if (now < StartOfFirstWeek(date.Year, 1))
                    return date.Year - 1;
                return now >= StartOfFirstWeek(date.Year + 1, 1) ? date.Year + 1 : date.Year;
            }

            case 'w' or 'x':
            {
                var (nextYear, nextMonth) = date.Month == 12 ? (date.Year + 1, 1) : (date.Year, date.Month + 1);
                var (lastYear, lastMonth) = date.Month == 1 ? (date.Year - 1, 12) : (date.Year, date.Month - 1);
                var week1 = StartOfFirstWeek(date.Year, date.Month);
                var following = StartOfFirstWeek(nextYear, nextMonth);
                if (component == 'x')
                    return now < week1 ? lastMonth : now >= following ? nextMonth : date.Month;
                if (now < week1)
                    return (now - StartOfFirstWeek(lastYear, lastMonth)) / (MillisPerDay * 7) + 1;
                return now >= following ? 1 : (now - week1) / (MillisPerDay * 7) + 1;
            }

            default:
                throw new JsonataException("D3132", $"Unknown component specifier {component} in date/time picture string", -1, component.ToString());
        }
    }

    private static long StartOfFirstWeek(int year, int month)
    {
        var first = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var millis = first.ToUnixTimeMilliseconds();
        var day = first.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)first.DayOfWeek;
        return day > 4 ? millis + (8 - day) * MillisPerDay : millis - (day - 1) * MillisPerDay;
    }

    public static double? Parse(string text, string picture, DateTimeOffset now) => DateTimeParser.Parse(text, Analyse(picture), now);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
