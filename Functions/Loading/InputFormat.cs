namespace Pipeline.Functions.Loading;

public enum InputFormat
{
    /// <summary>Nothing but whitespace (or a byte order mark): zero records.</summary>
    Empty,

    /// <summary>A JSON array of records.</summary>
    JsonArray,

    /// <summary>One JSON object: <c>{"records":[…]}</c>, or else a single record.</summary>
    JsonObject,

    /// <summary>Newline-delimited JSON, one record per line.</summary>
    Ndjson,

    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,
}
