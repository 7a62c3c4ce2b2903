using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>Converts between System.Text.Json nodes and the evaluator's values.</summary>
internal static class JsonConversion
{
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonNull.Instance;
            case JsonObject obj:
                var result = new JObject();
                foreach (var (key, value) in obj)
                    result[key] = FromNode(value);
                return result;
            case JsonArray array:
                return new JList(array.Select(FromNode));
            default:
                return node.GetValueKind() switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.Number => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => JsonNull.Instance,
                };
        }
    }

    public static JsonataResult ToResult(object? value) =>
        value is null ? JsonataResult.Undefined : JsonataResult.Of(ToNode(value));

    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null or JsonNull:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case string s:
                return JsonValue.Create(s);
            case double d when !double.IsFinite(d):
                throw new JsonataException("D1001", $"Number out of range: {JsNumber.Format(d)}");
            case double d:
                // Parsed rather than created from a CLR number, so that readers may ask for any numeric type.
                return JsonNode.Parse(JsNumber.Format(d));
            case JList list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    if (item is not null)
                        array.Add(ToNode(item));
                }

                return array;
            case JObject obj:
                var result = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    if (item is not null)
                        result[key] = ToNode(item);
                }

                return result;
            case FunctionValue:
                return JsonValue.Create("");
            default:
                return null;
        }
    }
}
