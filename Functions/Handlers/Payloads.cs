using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Functions.Handlers;

internal static class Payloads
{
    public static T Parse<T>(byte[] json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException($"expected a {typeof(T).Name} object, found null");

    public static byte[] ToBytes<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
