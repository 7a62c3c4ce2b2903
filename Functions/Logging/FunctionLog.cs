using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Functions.Logging;

/// <summary>
/// One JSON object per line on the function's output, as CloudWatch Logs' JSON format takes it: a level, the
/// function, the message, the invocation's request id when there is one, and the given fields.
/// </summary>
public sealed class FunctionLog
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly AsyncLocal<string?> Request = new();

    private readonly TextWriter writer;
    private readonly string function;

    public FunctionLog(TextWriter? writer, string function)
    {
        this.writer = writer ?? TextWriter.Null;
        this.function = function;
    }

    /// <summary>
    /// The request id of the invocation running on this async flow; the runtime sets it per invocation and it reverts
    /// when the method that set it returns.
    /// </summary>
    public static string? RequestId
    {
        get => Request.Value;
        set => Request.Value = value;
    }

    public void Info(string message, params ReadOnlySpan<(string Name, object? Value)> fields) => Write("INFO", message, fields);

    public void Error(string message, params ReadOnlySpan<(string Name, object? Value)> fields) => Write("ERROR", message, fields);

    private void Write(string level, string message, ReadOnlySpan<(string Name, object? Value)> fields)
    {
        if (writer == TextWriter.Null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("level", level);
            json.WriteString("function", function);
            json.WriteString("message", message);
            if (RequestId is { } requestId)
            {
                json.WriteString("requestId", requestId);
            }

            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        json.WriteNull(name);
                        break;
                    case int number:
                        json.WriteNumber(name, number);
                        break;
                    case long number:
                        json.WriteNumber(name, number);
                        break;
                    case bool flag:
                        json.WriteBoolean(name, flag);
                        break;
                    default:
                        json.WriteString(name, value.ToString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
