using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>
/// Decides a file's format from its content first and from its name or content type where the
/// content alone cannot: '[' starts a JSON array; '{' starts NDJSON when the first line is a
/// complete value and more follows (or the file is declared NDJSON), otherwise one JSON object;
/// anything else is CSV, unless the name or content type declares JSON.
/// </summary>
public static class InputFormatDetector
{
    private enum Declared
    {
        None,
        Json,
        Ndjson,
        Csv,
    }

    public static InputFormat Detect(ReadOnlySpan<byte> content, string key, string? contentType, string file, int contentOffset)
    {
        var first = content.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return InputFormat.Empty;
        }

        var declared = Declare(key, contentType);
        switch (content[first])
        {
            case (byte)'[':
                return InputFormat.JsonArray;
            case (byte)'{':
                return declared == Declared.Ndjson || IsNdjson(content[first..]) ? InputFormat.Ndjson : InputFormat.JsonObject;
            default:
                if (SingleJsonValue(content[first..]) is { } kind)
                {
                    throw new InvalidInput(
                        file,
                        content[..first].Count((byte)'\n') + 1,
                        contentOffset + first,
                        $"the file is a single JSON {kind}, not records: upload a JSON array of objects, {{\"records\":[...]}}, NDJSON (one object per line) or CSV with a header");
                }

                if (declared is Declared.Json or Declared.Ndjson)
                {
                    var line = content[..first].Count((byte)'\n') + 1;
                    throw new InvalidInput(
                        file,
                        line,
                        contentOffset + first,
                        $"expected JSON (declared by the name or content type) but the content starts with '{(char)content[first]}'");
                }

                return InputFormat.Csv;
        }
    }

    /// <summary>What kind of JSON value the whole text is, when it is one scalar (a number, string, boolean or null).</summary>
    private static string? SingleJsonValue(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, RecordEnvelope.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var kind = reader.TokenType switch
            {
                JsonTokenType.Number => "number",
                JsonTokenType.String => "string",
                JsonTokenType.True or JsonTokenType.False => "boolean",
                JsonTokenType.Null => "null",
                _ => null,
            };
            return kind is not null && !reader.Read() ? kind : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first line is one complete JSON value and something else follows it.</summary>
    private static bool IsNdjson(ReadOnlySpan<byte> text)
    {
        var newline = text.IndexOf((byte)'\n');
        if (newline < 0 || text[(newline + 1)..].IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(text[..newline], RecordEnvelope.ReaderOptions);
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Declared Declare(string key, string? contentType)
    {
        var extension = Path.GetExtension(key).ToUpperInvariant();
        var byName = extension switch
        {
            ".JSON" => Declared.Json,
            ".NDJSON" or ".JSONL" => Declared.Ndjson,
            ".CSV" => Declared.Csv,
            _ => Declared.None,
        };
        if (byName != Declared.None || contentType is null)
        {
            return byName;
        }

        var mediaType = contentType.Split(';')[0].Trim().ToUpperInvariant();
        return mediaType switch
        {
            "APPLICATION/JSON" or "TEXT/JSON" => Declared.Json,
            "APPLICATION/X-NDJSON" or "APPLICATION/NDJSON" or "APPLICATION/JSONL" or "APPLICATION/X-JSONLINES" or "APPLICATION/JSONLINES" => Declared.Ndjson,
            "TEXT/CSV" or "APPLICATION/CSV" => Declared.Csv,
            _ => Declared.None,
        };
    }
}
