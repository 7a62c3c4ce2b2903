using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>One JSON object per line on the function's output (CloudWatch Logs in JSON format).</summary>
public sealed class FunctionLog
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _writer;
    private readonly string _function;

    public FunctionLog(TextWriter? writer, string function)
    {
        _writer = writer ?? TextWriter.Null;
        _function = function;
    }

    public void Info(string message, params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        if (_writer == TextWriter.Null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("level", "INFO");
            json.WriteString("function", _function);
            json.WriteString("message", message);
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

        _writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
