namespace Pipeline.Workflows.Jsonata;

internal static class NumberPicture
{
    public static string Format(double value, string picture, JObject? options) => throw new JsonataException("D3132", $"{value}{picture}{options}");
}
