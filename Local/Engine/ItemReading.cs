using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;

namespace Pipeline.Local.Engine;

/// <summary>
/// Turns the object an ItemReader names into items as Step Functions does: a JSON array's elements, a JSON Lines
/// file's lines, a CSV file's rows as objects of text keyed by the header (the first row, or the given headers), an S3
/// Inventory's rows as objects of text keyed by its manifest's <c>fileSchema</c>.
/// </summary>
internal static class ItemReading
{
    public const string ManifestType = "MANIFEST";

    public static List<JsonNode?> Read(ItemReaderConfig reader, byte[] content, string source)
    {
        var items = reader.InputType switch
        {
            "JSON" => JsonNode.Parse(content) as JsonArray is { } array
                ? array.Select(item => item?.DeepClone())
                : throw Failed(source, "the object is not a JSON array"),
            "JSONL" => Lines(content).Where(line => line.Length > 0).Select((line, index) => Parse(line, index, source)),
            _ => Csv(Encoding.UTF8.GetString(content), reader.CsvHeaders, source),
        };
        return (reader.MaxItems > 0 ? items.Take(reader.MaxItems) : items).ToList();
    }

    /// <summary>The column names and inventory files of an S3 Inventory manifest.json; Step Functions reads CSV inventories only.</summary>
    public static (IReadOnlyList<string> Schema, IReadOnlyList<string> Files) Manifest(byte[] content, string source)
    {
        JsonNode? manifest;
        try
        {
            manifest = JsonNode.Parse(content);
        }
        catch (JsonException ex)
        {
            throw Failed(source, $"the manifest is not JSON: {ex.Message}");
        }

        if (manifest?["fileFormat"]?.GetValue<string>() is not "CSV")
        {
            throw Failed(source, $"the inventory's fileFormat is {manifest?["fileFormat"]?.ToJsonString() ?? "missing"}, and only CSV inventories can be read");
        }

        var schema = manifest["fileSchema"]?.GetValue<string>().Split(',').Select(column => column.Trim()).ToList()
            ?? throw Failed(source, "the manifest has no fileSchema");
        var files = (manifest["files"] as JsonArray)?.Select(file => file?["key"]?.GetValue<string>() ?? throw Failed(source, "a file of the manifest has no key")).ToList()
            ?? throw Failed(source, "the manifest lists no files");
        return (schema, files);
    }

    /// <summary>The rows of one gzip inventory file, which has no header row: its columns are the manifest's schema.</summary>
    public static IEnumerable<JsonNode?> InventoryRows(byte[] gzip, IReadOnlyList<string> schema, string source)
    {
        string text;
        try
        {
            using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(unzip, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (InvalidDataException ex)
        {
            throw Failed(source, $"the inventory file is not gzip: {ex.Message}");
        }

        return Csv(text, schema, source).ToList();
    }

    private static IEnumerable<string> Lines(byte[] content) =>
        Encoding.UTF8.GetString(content).Split('\n').Select(line => line.TrimEnd('\r'));

    private static JsonNode? Parse(string line, int index, string source)
    {
        try
        {
            return JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            throw Failed(source, $"line {index + 1} is not JSON: {ex.Message}");
        }
    }

    private static IEnumerable<JsonNode?> Csv(string text, IReadOnlyList<string>? given, string source)
    {
        var rows = CsvRows(text).ToList();
        var headers = given ?? (rows.Count > 0 ? rows[0] : throw Failed(source, "the CSV file has no header row"));
        foreach (var row in given is null ? rows.Skip(1) : rows)
        {
            if (row.Count != headers.Count)
            {
                throw Failed(source, $"a row has {row.Count} fields, the header {headers.Count}");
            }

            yield return new JsonObject(headers.Select((header, i) => KeyValuePair.Create(header, (JsonNode?)row[i])));
        }
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> CsvRows(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    private static StatesErrorException Failed(string source, string reason) =>
        new(ErrorNames.ItemReaderFailed, $"The ItemReader could not read {source}: {reason}.");
}
