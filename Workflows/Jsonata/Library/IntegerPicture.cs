namespace Pipeline.Workflows.Jsonata;

internal static class IntegerPicture
{
    public static string Format(double value, string picture) => throw new JsonataException("D3132", $"{value}{picture}");

    public static double? Parse(string text, string picture) => throw new JsonataException("D3132", text + picture);
}
