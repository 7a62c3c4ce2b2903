using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Model;

/// <summary>ASL timestamps: RFC 3339 with an uppercase T and either Z or a numeric offset, e.g. <c>2016-03-14T01:59:00Z</c>.</summary>
public static partial class AslTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static bool IsValid(string text) => TryParse(text, out _);

    /// <summary>As a definition states one (a Wait's or a Choice rule's timestamp): UTC, with the fraction it has.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>As Step Functions writes one in an execution's history and context object: UTC with milliseconds.</summary>
    public static string FormatMilliseconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
