using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>
/// $toMillis with a picture: the picture becomes a regular expression, each captured component is read back, and the
/// missing ones are filled in (more significant ones from now, less significant ones with zero) before the timestamp
/// is built. A gap between given components (hours and seconds without minutes) is an error (D3136).
/// </summary>
internal static class DateTimeParser
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private sealed record Matcher(char? Component, string Pattern, Func<string, double?>? Read);

    public static double? Parse(string text, List<DateTimePicture.Part> parts, DateTimeOffset now)
    {
        var matchers = parts.Select(ToMatcher).ToList();
        var regex = new Regex("^" + string.Concat(matchers.Select(m => "(" + m.Pattern + ")")) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var match = regex.Match(text);
        if (!match.Success)
            return null;
        var components = new Dictionary<char, double>();
        for (var i = 0; i < matchers.Count; i++)
        {
            if (matchers[i].Component is { } component && matchers[i].Read!(match.Groups[i + 1].Value) is { } value)
                components[component] = value;
        }

        if (components.Count == 0)
            return null;

        bool Has(char c) => components.ContainsKey(c);
        bool IsType(string required, string all) => all.Where(Has).All(c => required.Contains(c, StringComparison.Ordinal)) && required.Any(Has);
        var dateB = IsType("Yd", "YXMxWwdD");
        var dateC = IsType("Xxw", "YXMxWwdD");
        var dateD = IsType("XW", "YXMxWwdD");
        var timeB = IsType("Phmsf", "PHhmsf");
        var dateComponents = dateB ? "Yd" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        var timeComponents = timeB ? "Phmsf" : "Hmsf";
        var startSpecified = false;
        var endSpecified = false;
        var today = now.UtcDateTime;
        foreach (var part in dateComponents + timeComponents)
        {
            if (!Has(part))
            {
                if (startSpecified)
                {
                    components[part] = "MDd".Contains(part, StringComparison.Ordinal) ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    components[part] = part switch
                    {
                        'Y' => today.Year,
                        'M' => today.Month,
                        'D' => today.Day,
                        'd' => today.DayOfYear,
                        'H' => today.Hour,
                        'h' => today.Hour % 12 == 0 ? 12 : today.Hour % 12,
                        'P' => today.Hour >= 12 ? 1 : 0,
                        'm' => today.Minute,
                        's' => today.Second,
                        'f' => today.Millisecond,
                        _ => 0,
                    };
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                    throw new JsonataException("D3136", "The date/time picture string is missing specifiers required to parse the timestamp");
            }
        }

        if (dateC || dateD)
            throw new JsonataException("D3136", "The date/time picture string is missing specifiers required to parse the timestamp");
        var date = new DateTime((int)components['Y'], 1, 1, 0, 0, 0, DateTimeKind.Utc);
        date = dateB ? date.AddDays(components['d'] - 1) : date.AddMonths((int)Math.Max(components['M'], 1) - 1).AddDays(components['D'] - 1);
        var hour = components.GetValueOrDefault('H');
        if (timeB)
        {
            hour = components['h'] == 12 ? 0 : components['h'];
            if (components['P'] == 1)
                hour += 12;
        }

        var millis = new DateTimeOffset(date).ToUnixTimeMilliseconds()
            + (long)(hour * 3_600_000 + components['m'] * 60_000 + components['s'] * 1000 + components['f']);
        if (components.TryGetValue('Z', out var offset) || components.TryGetValue('z', out offset))
            millis -= (long)(offset * 60_000);
        return millis;
    }

    private static Matcher ToMatcher(DateTimePicture.Part part)
    {
        if (part.Literal is not null)
            return new Matcher(null, Regex.Escape(part.Literal), null);
        if (part.Component is 'Z' or 'z')
            return TimezoneMatcher(part);
        if (part.IntegerFormat is { } format)
            return IntegerMatcher(part, format);

        Dictionary<string, double> names;
        if (part.Component is 'M' or 'x')
            names = Months.Select((name, index) => (Name(name, part.MaxWidth), (double)index + 1)).ToDictionary(StringComparer.Ordinal);
        else if (part.Component == 'F')
            names = Days.Skip(1).Select((name, index) => (Name(name, part.MaxWidth), (double)index + 1)).ToDictionary(StringComparer.Ordinal);
        else if (part.Component == 'P')
            names = new Dictionary<string, double>(StringComparer.Ordinal) { ["am"] = 0, ["AM"] = 0, ["pm"] = 1, ["PM"] = 1 };
        else
            throw new JsonataException("D3133", $"The 'name' modifier can only be applied to months and days in the date/time picture string, not {part.Component}", -1, part.Component.ToString());
        return new Matcher(part.Component, "[a-zA-Z]+", value => names.TryGetValue(value, out var found) ? found : null);
    }

    private static string Name(string name, int? maxWidth) => maxWidth is { } max && name.Length > max ? name[..max] : name;

    private static Matcher TimezoneMatcher(DateTimePicture.Part part)
    {
        var separator = part.IntegerFormat!.RegularGrouping?.Character;
        var pattern = (part.Component == 'z' ? "GMT" : "") + "[-+][0-9]+" + (separator is null ? "" : Regex.Escape(separator) + "[0-9]+");
        return new Matcher(part.Component, pattern, value =>
        {
            if (part.Component == 'z')
                value = value[3..];
            double hours, minutes = 0;
            if (separator is not null)
            {
                var at = value.IndexOf(separator, StringComparison.Ordinal);
                hours = int.Parse(value[..at], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                minutes = int.Parse(value[(at + 1)..], CultureInfo.InvariantCulture);
            }
            else if (value.Length - 1 <= 2)
            {
                hours = int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
            else
            {
                hours = int.Parse(value[..3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                minutes = int.Parse(value[3..], CultureInfo.InvariantCulture);
            }

            return hours * 60 + minutes;
        });
    }

    private static Matcher IntegerMatcher(DateTimePicture.Part part, IntegerPicture format)
    {
        var digits = part.Digits;
        var occurrences = digits > 0
            ? format.OptionalDigits == 0 ? $"{{{digits}}}" : $"{{{digits - format.OptionalDigits},{digits}}}"
            : "+";
        var pattern = format.Primary switch
        {
            IntegerPicture.Kind.Letters => "[a-z]+",
            IntegerPicture.Kind.Roman => "[mdclxvi]+",
            IntegerPicture.Kind.Words => "(?:" + string.Join("|", IntegerPicture.NumberWords.Append("and").Append("[\\-, ]")) + ")+",
            IntegerPicture.Kind.Decimal => "[0-9]" + occurrences + (format.Ordinal ? "(?:th|st|nd|rd)" : ""),
            _ => throw new JsonataException("D3130", $"Formatting or parsing an integer as a sequence starting with {format.Token} is not supported by this implementation", -1, format.Token),
        };
        return new Matcher(part.Component, pattern, format.Parse);
    }
}
