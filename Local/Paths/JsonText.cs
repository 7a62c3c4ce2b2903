using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Paths;

/// <summary>Compact JSON text as Step Functions shows it: quotes and non-ASCII characters are not \u-escaped.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
