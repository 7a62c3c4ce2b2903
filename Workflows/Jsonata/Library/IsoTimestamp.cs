using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>ISO 8601 timestamps as $toMillis reads them without a picture: a date, optionally a time and an offset.</summary>
internal static partial class IsoTimestamp
{
    public static double? Parse(string text)
    {
        var match = Timestamp().Match(text);
        if (!match.Success)
            return null;
        int Part(string name, int fallback) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var year = Part("year", 0);
        var month = Part("month", 1);
        var day = Part("day", 1);
        var hour = Part("hour", 0);
        var minute = Part("minute", 0);
        var second = Part("second", 0);
        var fraction = match.Groups["fraction"].Success ? double.Parse("0." + match.Groups["fraction"].Value, CultureInfo.InvariantCulture) : 0;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 24 || minute > 59 || second > 59)
            return null;
        var offset = TimeSpan.Zero;
        if (match.Groups["offset"].Success && match.Groups["offset"].Value != "Z")
        {
            var sign = match.Groups["offset"].Value[0] == '-' ? -1 : 1;
            offset = sign * new TimeSpan(Part("offsetHours", 0), Part("offsetMinutes", 0), 0);
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).AddHours(hour).AddMinutes(minute).AddSeconds(second);
        var millis = new DateTimeOffset(local).ToUnixTimeMilliseconds() - (long)offset.TotalMilliseconds;
        return millis + Math.Round(fraction * 1000);
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<month>\d{2})(-(?<day>\d{2})(T(?<hour>\d{2})(:(?<minute>\d{2})(:(?<second>\d{2})([.,](?<fraction>\d+))?)?)?(?<offset>Z|[+-](?<offsetHours>\d{2}):?(?<offsetMinutes>\d{2})?)?)?)?)?$")]
    private static partial Regex Timestamp();
}
