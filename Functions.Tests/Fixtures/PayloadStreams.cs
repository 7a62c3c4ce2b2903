using System.Text;
using System.Text.Json;

namespace Pipeline.Functions.Tests.Fixtures;

public static class PayloadStreams
{
    public static Stream From(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    public static JsonElement Parse(Stream output)
    {
        using var reader = new StreamReader(output);
        return JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
    }
}
