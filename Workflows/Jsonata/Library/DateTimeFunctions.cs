using System.Globalization;
using Pipeline.Workflows.Jsonata.Evaluation;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>$now, $millis, $fromMillis and $toMillis; one timestamp serves a whole evaluation.</summary>
internal static class DateTimeFunctions
{
    public static void Register(Dictionary<string, FunctionValue> table)
    {
        FunctionLibrary.Add(table, "now", "<s?s?:s>", (c, a) => FromMillis(c.Frame.State.Now.ToUnixTimeMilliseconds(), a[0] as string, a.Length > 1 ? a[1] as string : null));
        FunctionLibrary.Add(table, "millis", "<:n>", (c, _) => (double)c.Frame.State.Now.ToUnixTimeMilliseconds());
        FunctionLibrary.Add(table, "fromMillis", "<n-s?s?:s>", (_, a) => a[0] is double ms ? FromMillis((long)Math.Floor(ms), a[1] as string, a[2] as string) : null);
        FunctionLibrary.Add(table, "toMillis", "<s-s?:n>", (c, a) => a[0] is string s ? ToMillis(s, a[1] as string, c.Frame.State.Now) : null);
    }

    private static string FromMillis(long millis, string? picture, string? timezone)
    {
        if (picture is null && timezone is null)
            return DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return DateTimePicture.Format(millis, picture, timezone);
    }

    private static object? ToMillis(string text, string? picture, DateTimeOffset now)
    {
        if (picture is not null)
            return DateTimePicture.Parse(text, picture, now);
        return IsoTimestamp.Parse(text) ?? throw new JsonataException("D3110", $"The timestamp {text} cannot be parsed");
    }
}
