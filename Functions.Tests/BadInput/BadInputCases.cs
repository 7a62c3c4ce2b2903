using System.Text;

namespace Pipeline.Functions.Tests.BadInput;

public static class BadInputCases
{
    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        // Whole-document JSON: record boundaries cannot be trusted, so the file fails.
        Fails("unterminated JSON array", "[{\"id\":1,\"value\":2}", "a.json", 1, 19, "malformed JSON"),
        Fails("trailing comma in array", "[{\"id\":1,\"value\":2},]", "a.json", 1, 20, "malformed JSON"),
        Fails("content after the array", "[{\"id\":1,\"value\":2}] x", "a.json", 1, 21, "malformed JSON"),
        Fails("records is not an array", "{\"records\":{\"id\":1}}", "a.json", 1, 11, "'records' must be an array"),
        Fails("records appears twice", "{\"records\":[],\n\"records\":[]}", "a.json", 2, 15, "the property 'records' appears twice"),
        Fails("single-quoted JSON", "[{'id':1,'value':2}]", "a.json", 1, 2, "malformed JSON"),
        Fails("comment in JSON", "[/* c */{\"id\":1,\"value\":2}]", "a.json", 1, 1, "malformed JSON"),
        Fails("NaN literal in a JSON array", "[{\"id\":1,\"value\":2},\n{\"id\":2,\"value\":NaN}]", "a.json", 2, 37, "malformed JSON"),
        Fails("raw tab inside a JSON string", "[{\"id\":\"a\tb\",\"value\":2}]", "a.json", 1, 9, "malformed JSON"),
        Fails("NUL byte in JSON", "[{\"id\":1,\"value\":2}\0]", "a.json", 1, 19, "malformed JSON"),
        Fails("nesting deeper than 256 levels", "[{\"id\":1,\"value\":2,\"d\":" + new string('[', 300) + new string(']', 300) + "}]", "a.json", 1, 277, "maximum configured depth"),
        Fails("declared JSON holding CSV", "id,value\n1,2\n", "a.json", 1, 0, "expected JSON"),
        Fails("a single JSON number", "42\n", "a.json", 1, 0, "the file is a single JSON number, not records: upload a JSON array of objects"),
        Fails("a single JSON string", "\"id,value\"", "a.csv", 1, 0, "the file is a single JSON string, not records"),
        Fails("records under 'Records'", "{\"Records\":[{\"id\":1,\"value\":2}]}", "a.json", 1, 1, "the records are under 'Records'; they are read from 'records' (lower case): rename the key"),
        Fails("CSV separated by semicolons", "id;value\n1;2\n", "a.csv", 1, 0, "the header 'id;value' has no comma but semicolons (;) between its names"),
        Fails("CSV separated by tabs", "id\tvalue\n1\t2\n", "a.tsv", 1, 0, "has no comma but tabs between its names"),

        // Encoding.
        Fails("UTF-16 byte order mark", [0xFF, 0xFE, (byte)'[', 0, (byte)']', 0], "a.json", 1, 0, "UTF-16 or UTF-32 byte order mark"),
        Fails("invalid UTF-8 byte", Concat("[{\"id\":1,\"value\":2},\n{\"id\":\"", Bytes(0xC3, 0x28), "\",\"value\":3}]"), "a.json", 2, 28, "invalid UTF-8: byte 0xC3"),
        Fails("UTF-8 sequence cut off at the end", Concat("{\"id\":1,\"value\":2}\n", Bytes(0xE2, 0x82)), "a.ndjson", 2, 19, "invalid UTF-8: byte 0xE2"),
        Fails("lone continuation byte", Concat("id,value\n1,", Bytes(0x80), "\n"), "a.csv", 2, 11, "invalid UTF-8: byte 0x80"),
        Fails("gzip-compressed file", Bytes(0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00), "a.csv", null, 0, "the file is gzip-compressed (it starts with gzip's signature 1F 8B): upload the uncompressed file"),
        Fails("ZIP archive", Concat(Bytes(0x50, 0x4B, 0x03, 0x04), "xl/workbook.xml"), "a.csv", null, 0, "the file is a ZIP archive"),
        Fails("UTF-16 without a byte order mark", Encoding.Unicode.GetBytes("id,value\n1,2\n"), "a.csv", null, 0, "UTF-16 text (little-endian) without a byte order mark"),
        Fails("UTF-16 big-endian without a byte order mark", Encoding.BigEndianUnicode.GetBytes("[{\"id\":1,\"value\":2}]"), "a.json", null, 0, "UTF-16 text (big-endian)"),
        Succeeds("UTF-8 byte order mark", Concat(Bytes(0xEF, 0xBB, 0xBF), "[{\"id\":1,\"value\":2}]"), "a.json", total: 1),

        // Empty files succeed with no records.
        Succeeds("empty file", [], "a.json", total: 0),
        Succeeds("whitespace-only file", Encoding.UTF8.GetBytes(" \r\n\t\n"), "a.csv", total: 0),
        Succeeds("huge integer value kept exact", Encoding.UTF8.GetBytes("[{\"id\":1,\"value\":123456789012345678901234567890}]"), "a.json", total: 1),

        // NDJSON lines are independent: a bad line is quarantined with the reader's error.
        Quarantines("truncated NDJSON line", "{\"id\":1,\"value\":2}\n{\"id\":2,\"val", "a.ndjson", 2, 1, "line 2 is not valid JSON"),
        Quarantines("Infinity literal in NDJSON", "{\"id\":1,\"value\":Infinity}\n{\"id\":2,\"value\":2}\n", "a.ndjson", 2, 1, "line 1 is not valid JSON"),
        Quarantines("two values on one NDJSON line", "{\"id\":1,\"value\":2} {\"id\":2,\"value\":3}\n{\"id\":3,\"value\":2}", "a.jsonl", 2, 1, "line 1 is not valid JSON"),
        Quarantines("NDJSON line that is not an object", "{\"id\":1,\"value\":2}\n5\n", "a.ndjson", 2, 1, "record is not a JSON object (found a number)"),

        // Record contract.
        Quarantines("value missing", "[{\"id\":1}]", "a.json", 1, 0, "value is missing"),
        Quarantines("id missing", "[{\"value\":1}]", "a.json", 1, 0, "id is missing"),
        Quarantines("empty object", "[{}]", "a.json", 1, 0, "id is missing"),
        Quarantines("value is a string", "[{\"id\":1,\"value\":\"20\"}]", "a.json", 1, 0, "value must be a number, found a string"),
        Quarantines("value is a boolean", "[{\"id\":1,\"value\":true}]", "a.json", 1, 0, "value must be a number, found a boolean"),
        Quarantines("id is a boolean", "[{\"id\":true,\"value\":1}]", "a.json", 1, 0, "id must be a string or an integer, found a boolean"),
        Quarantines("id is a fraction", "[{\"id\":1.5,\"value\":1}]", "a.json", 1, 0, "id must be a string or an integer, found number 1.5"),
        Quarantines("id is null", "[{\"id\":null,\"value\":1}]", "a.json", 1, 0, "found null"),
        Quarantines("id is empty", "[{\"id\":\"\",\"value\":1}]", "a.json", 1, 0, "id is empty"),
        Quarantines("id is too long", "[{\"id\":\"" + new string('x', 1025) + "\",\"value\":1}]", "a.json", 1, 0, "id is longer than 1024 bytes"),
        Quarantines("value out of DynamoDB range", "[{\"id\":1,\"value\":1e400}]", "a.json", 1, 0, "too large or too small"),
        Quarantines("value with 39 significant digits", "[{\"id\":1,\"value\":123456789012345678901234567890123456789}]", "a.json", 1, 0, "more than 38 significant digits"),
        Quarantines("other field out of range", "[{\"id\":1,\"value\":1,\"x\":-1e-999}]", "a.json", 1, 0, "field 'x' holds the number -1e-999"),
        Quarantines("duplicate ids", "[{\"id\":1,\"value\":1},{\"id\":\"1\",\"value\":2}]", "a.json", 2, 1, "id '1' duplicates record 1 (line 1)"),
        Quarantines("duplicate field name", "[{\"id\":1,\"value\":1,\"value\":2}]", "a.json", 1, 0, "field 'value' appears more than once"),
        Quarantines("record is an array", "[[1,2]]", "a.json", 1, 0, "record is not a JSON object (found an array)"),
        Quarantines("record is null", "[null,{\"id\":1,\"value\":1}]", "a.json", 2, 1, "record is not a JSON object (found null)"),
        Quarantines("1 MB single record", "[{\"id\":1,\"value\":1,\"blob\":\"" + new string('a', 1024 * 1024) + "\"}]", "a.json", 1, 0, "the record's item would be 1048792 bytes; DynamoDB stores at most 409600 bytes (400 KB)"),
        Quarantines("deeply nested field", "[{\"id\":1,\"value\":1,\"d\":" + new string('[', 40) + new string(']', 40) + "}]", "a.json", 1, 0, "field 'd' is nested deeper than DynamoDB's 32 levels"),

        // CSV.
        Fails("CSV quote never closes", "id,value,note\n1,2,\"open\n3,4,x\n", "a.csv", 2, 18, "a quoted field opened here never closes"),
        Fails("CSV header names a column twice", "id,value,id\n1,2,3\n", "a.csv", 1, 0, "the header names column 'id' twice"),
        Fails("CSV header with an empty name", "id,,value\n1,2,3\n", "a.csv", 1, 0, "column 2 of the header has no name"),
        Fails("CSV header with a stray quote", "id,va\"lue\n1,2\n", "a.csv", 1, 0, "the header row is malformed"),
        Quarantines("CSV stray quote in a field", "id,value\n1,2\n2,3\"4\n", "a.csv", 2, 1, "a quote appears inside the unquoted field 2"),
        Quarantines("CSV text after a closing quote", "id,value\n\"1\"x,2\n2,3\n", "a.csv", 2, 1, "unexpected 'x' after the closing quote of field 1"),
        Quarantines("CSV row missing a column", "id,value,note\n1,2,a\n2,3\n", "a.csv", 2, 1, "the row has 2 field(s) but the header has 3"),
        Quarantines("CSV row with an extra column", "id,value\n1,2,extra\n", "a.csv", 1, 0, "the row has 3 field(s) but the header has 2"),
        Quarantines("CSV NaN value", "id,value\n1,NaN\n", "a.csv", 1, 0, "value 'NaN' is not a finite number"),
        Quarantines("CSV Infinity value", "id,value\n1,-Infinity\n", "a.csv", 1, 0, "value '-Infinity' is not a finite number"),
        Quarantines("CSV value that is not a number", "id,value\n1,1.5.5\n2,3\n", "a.csv", 2, 1, "value '1.5.5' is not a number"),
        Quarantines("CSV empty value", "id,value\n1,\n", "a.csv", 1, 0, "value is missing"),
        Quarantines("CSV empty id", "id,value\n,1\n", "a.csv", 1, 0, "id is missing"),
        Quarantines("CSV without a value column", "id,amount\n1,2\n", "a.csv", 1, 0, "value is missing"),

        // What the table would refuse: a record is valid only if its item is one DynamoDB accepts (StorableItem).
        Quarantines("lone surrogate in a string field", "{\"id\":1,\"value\":1}\n{\"id\":2,\"value\":2,\"note\":\"a\\udc00\"}\n{\"id\":3,\"value\":3}\n", "a.ndjson", 3, 2,
            "field 'note' holds the escape \\udc00, half of a UTF-16 surrogate pair"),
        Quarantines("lone surrogate in an id", "[{\"id\":\"\\ud800x\",\"value\":1},{\"id\":2,\"value\":2}]", "a.json", 2, 1, "id holds the escape \\ud800"),
        Quarantines("lone surrogate in a field name", "[{\"id\":1,\"value\":1,\"\\udfff\":2}]", "a.json", 1, 0, "a field name holds the escape \\udfff"),
        Quarantines("lone surrogate nested in a kept field", "[{\"id\":1,\"value\":1,\"tags\":[\"ok\",\"\\udc00\"]}]", "a.json", 1, 0, "field 'tags' holds the escape \\udc00"),
        Quarantines("value below DynamoDB's smallest number", "[{\"id\":1,\"value\":1e-131}]", "a.json", 1, 0, "value 1e-131 is too large or too small to store"),
        Quarantines("280 KB of JSON that is over 400 KB as an item",
            "[{\"id\":1,\"value\":1,\"many\":[" + string.Join(",", Enumerable.Repeat("1", 140_000)) + "]}]", "a.json", 1, 0, "DynamoDB stores at most 409600 bytes (400 KB) per item"),
    ];

    private static BadInputCase Fails(string name, string content, string key, long? line, long? at, string problem) =>
        Fails(name, Encoding.UTF8.GetBytes(content), key, line, at, problem);

    private static BadInputCase Fails(string name, byte[] content, string key, long? line, long? at, string problem) =>
        new(name, content, key, new ExpectedError(line, at, problem), 0, 0, []);

    private static BadInputCase Succeeds(string name, byte[] content, string key, int total) =>
        new(name, content, key, null, total, total, []);

    private static BadInputCase Quarantines(string name, string content, string key, int total, int valid, params string[] reasons) =>
        new(name, Encoding.UTF8.GetBytes(content), key, null, total, valid, reasons);

    private static byte[] Bytes(params byte[] bytes) => bytes;

    private static byte[] Concat(params object[] parts) =>
        parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p).ToArray();
}
