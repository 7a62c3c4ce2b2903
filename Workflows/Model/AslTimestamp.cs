using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows;

/// <summary>Timestamps as ASL writes them: RFC 3339, e.g. <c>2016-03-14T01:59:00Z</c>.</summary>
internal static partial class AslTimestamp
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static bool IsValid(string text) =>
        Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
