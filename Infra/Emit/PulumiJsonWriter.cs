using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>Writes a program tree as JSON (which Pulumi reads as YAML).</summary>
public static class PulumiJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Node program)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            Write(writer, program);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, Node node)
    {
        switch (node)
        {
            case ObjectNode obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.Members)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case ArrayNode array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case StringNode text:
                writer.WriteStringValue(PulumiText.Render(text.Text));
                break;
            case NumberNode number:
                writer.WriteNumberValue(number.Value);
                break;
            case BoolNode flag:
                writer.WriteBooleanValue(flag.Value);
                break;
            case FunctionNode function:
                writer.WriteStartObject();
                writer.WritePropertyName(function.Function);
                Write(writer, function.Argument);
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }
}
