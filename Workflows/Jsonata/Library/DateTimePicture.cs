namespace Pipeline.Workflows.Jsonata;

internal static class DateTimePicture
{
    public static string Format(long millis, string? picture, string? timezone) => throw new JsonataException("D3132", $"{millis}{picture}{timezone}");

    public static double? Parse(string text, string picture) => throw new JsonataException("D3132", text + picture);
}
