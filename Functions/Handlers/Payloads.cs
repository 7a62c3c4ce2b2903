using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Functions;

internal static class Payloads
{
    public static async Task<T> ReadAsync<T>(Stream input, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = await JsonSerializer.DeserializeAsync(input, type).ConfigureAwait(false);
        return value ?? throw new ArgumentException($"the payload must be a {typeof(T).Name} object, not null", nameof(input));
    }

    public static Stream Write<T>(T value, JsonTypeInfo<T> type)
    {
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, value, type);
        output.Position = 0;
        return output;
    }

    public static T Parse<T>(byte[] json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException($"expected a {typeof(T).Name} object, found null");

    public static byte[] ToBytes<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
