using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Paths;

/// <summary>A payload's size in UTF-8 bytes as <see cref="JsonText"/> writes it, counted without building the text.</summary>
public static class PayloadSize
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    public static int Utf8Bytes(JsonNode? payload)
    {
        if (payload is null)
        {
            return 4;
        }

        var target = buffer ??= new ArrayBufferWriter<byte>(4096);
        target.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(target, Options);
        payload.WriteTo(writer);
        writer.Flush();
        return target.WrittenCount;
    }
}
