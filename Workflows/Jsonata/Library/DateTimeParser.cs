namespace Pipeline.Workflows.Jsonata;

internal static class DateTimeParser
{
    public static double? Parse(string text, List<DateTimePicture.Part> parts, string picture) =>
        throw new JsonataException("D3136", $"{text} {picture} {parts.Count}");
}
