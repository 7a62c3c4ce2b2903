using System.Text.Json;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Decides a file's format from its content first and from its name or content type where the
/// content alone cannot: '[' starts a JSON array; '{' starts NDJSON when the first line is a
/// complete value and more follows (or the file is declared NDJSON), otherwise one JSON object;
/// anything else is CSV, unless the name or content type declares JSON. It looks at the start of
/// the content only, as far as it needs.
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

    /// <param name="content">The start of the content (after a byte order mark).</param>
    /// <param name="complete">
    /// Nothing follows <paramref name="content"/>, or nothing more may be looked at: the decision is made on what there is.
    /// </param>
    /// <returns>The format, or null when more of the content is needed to decide.</returns>
    public static InputFormat? Detect(ReadOnlySpan<byte> content, bool complete, string key, string? contentType, string file, long contentOffset)
    {
        var first = content.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return complete ? InputFormat.Empty : null;
        }

        var declared = Declare(key, contentType);
        switch (content[first])
        {
            case (byte)'[':
                return InputFormat.JsonArray;
            case (byte)'{':
                if (declared == Declared.Ndjson)
                {
                    return InputFormat.Ndjson;
                }

                return IsNdjson(content[first..], complete) switch
                {
                    true => InputFormat.Ndjson,
                    false => InputFormat.JsonObject,
                    null => null,
                };
            default:
                if (!TrySingleJsonValue(content[first..], complete, out var kind))
                {
                    return null;
                }

                if (kind is not null)
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

    /// <summary>
    /// What kind of JSON value the whole text is, when it is one scalar (a number, string, boolean or null); false when
    /// that depends on text not read yet.
    /// </summary>
    private static bool TrySingleJsonValue(ReadOnlySpan<byte> text, bool complete, out string? kind)
    {
        kind = null;
        var reader = new Utf8JsonReader(text, complete, new JsonReaderState(RecordEnvelope.ReaderOptions));
        try
        {
            if (!reader.Read())
            {
                return complete;
            }

            var scalar = reader.TokenType switch
            {
                JsonTokenType.Number => "number",
                JsonTokenType.String => "string",
                JsonTokenType.True or JsonTokenType.False => "boolean",
                JsonTokenType.Null => "null",
                _ => null,
            };
            if (scalar is null || reader.Read())
            {
                return true;
            }

            kind = complete ? scalar : null;
            return complete;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>The first line is one complete JSON value and something else follows it; null when that depends on text not read yet.</summary>
    private static bool? IsNdjson(ReadOnlySpan<byte> text, bool complete)
    {
        var newline = text.IndexOf((byte)'\n');
        if (newline < 0 || text[(newline + 1)..].IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return complete ? false : null;
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
