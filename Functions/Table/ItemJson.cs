using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Table;

/// <summary>Converts an item-shaped JSON line into DynamoDB attribute values, numbers kept exact.</summary>
public static class ItemJson
{
    public static Dictionary<string, AttributeValue> ToItem(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, RecordEnvelope.ReaderOptions);
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("an item line must be a JSON object");
        }

        return ToMap(document.RootElement);
    }

    private static Dictionary<string, AttributeValue> ToMap(JsonElement element)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = ToAttribute(property.Value);
        }

        return map;
    }

    private static AttributeValue ToAttribute(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new AttributeValue { S = element.GetString() },
        JsonValueKind.Number => new AttributeValue { N = Canonical(element) },
        JsonValueKind.True => new AttributeValue { BOOL = true },
        JsonValueKind.False => new AttributeValue { BOOL = false },
        JsonValueKind.Null => new AttributeValue { NULL = true },
        JsonValueKind.Array => new AttributeValue { L = element.EnumerateArray().Select(ToAttribute).ToList() },
        _ => new AttributeValue { M = ToMap(element) },
    };

    private static string Canonical(JsonElement number)
    {
        Span<byte> text = stackalloc byte[DynamoNumber.MaxFormattedLength];
        var raw = System.Text.Encoding.UTF8.GetBytes(number.GetRawText());
        var length = DynamoNumber.Format(raw, powersOfTen: 0, text);
        return System.Text.Encoding.UTF8.GetString(text[..length]);
    }
}
