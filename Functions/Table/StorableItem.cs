using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>
/// The one acceptance rule for items, shared by Validate (a record is valid only if its item passes) and Store (an
/// item that fails is quarantined, never sent). It follows the DynamoDB developer guide: "Supported data types and
/// naming rules" (strings are Unicode with UTF-8 encoding, so a lone UTF-16 surrogate cannot be stored; numbers have
/// at most 38 significant digits within 1E-130..9.9999999999999999999999999999999999999E+125; attribute names are
/// 1..65535 bytes; nested attributes reach at most 32 levels, the item being the first), "Service quotas" (items are at most 400 KB; a partition
/// key value at most 2048 bytes, a sort key value at most 1024 bytes) and "DynamoDB item sizes and formats" for the
/// size: the UTF-8 length of each attribute name plus its value's size (a string's UTF-8 bytes; a number's one byte
/// per two significant digits plus one; a Boolean or null one byte; a list or map three bytes plus its elements, each
/// with one byte more, map elements with their names). The tests check the limits against DynamoDB Local.
/// </summary>
public static class StorableItem
{
    public const int MaxItemBytes = 400 * 1024;
    public const int MaxNestingLevels = 32;
    public const int MaxAttributeNameBytes = 65535;
    public const int MaxPartitionKeyBytes = 2048;
    public const int MaxSortKeyBytes = 1024;

    /// <summary>Checks an item line (a JSON object of attribute name to value) and adds a reason per problem, each naming the attribute.</summary>
    /// <param name="itemJson">The item as Store writes it.</param>
    /// <param name="problems">Receives one reason per problem.</param>
    /// <param name="describe">How a reason names an attribute path such as <c>fields.a.b</c>; the path itself when absent.</param>
    /// <returns>The item's size as DynamoDB computes it.</returns>
    public static long Check(ReadOnlySpan<byte> itemJson, ICollection<string> problems, Func<string, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var reader = new Utf8JsonReader(itemJson, RecordEnvelope.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add("the item is not a JSON object");
            return 0;
        }

        var walk = new Walk(problems, describe ?? (path => path));
        var size = 0L;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = walk.Name(ref reader, null);
            walk.Attribute = walk.TopAttribute = name;
            reader.Read();
            var valueStart = reader.TokenType == JsonTokenType.String ? (int)reader.TokenStartIndex : -1;
            // The item itself is the first of DynamoDB's levels, so a top-level attribute's list or map is the second.
            size += walk.NameBytes + walk.Value(ref reader, name, level: 2);
            if (name is TableSchema.PartitionKey or TableSchema.SortKey && valueStart >= 0)
            {
                var limit = name == TableSchema.PartitionKey ? MaxPartitionKeyBytes : MaxSortKeyBytes;
                if (walk.LastStringBytes > limit)
                {
                    problems.Add($"{name} is {walk.LastStringBytes} bytes; a key value is at most {limit} bytes");
                }
            }
        }

        if (size > MaxItemBytes)
        {
            problems.Add($"the record's item would be {size} bytes; DynamoDB stores at most {MaxItemBytes} bytes (400 KB) per item");
        }

        return size;
    }

    /// <summary>The walk of one item: its reasons, and the sizes of the last name and string read.</summary>
    private sealed class Walk(ICollection<string> problems, Func<string, string> describe)
    {
        private readonly HashSet<string> reported = new(StringComparer.Ordinal);

        /// <summary>The top-level attribute being read, or its member when it is a map: a nesting problem is reported once, by it.</summary>
        public string Attribute { get; set; } = string.Empty;

        public string TopAttribute { get; set; } = string.Empty;

        public int NameBytes { get; private set; }

        public int LastStringBytes { get; private set; }

        /// <summary>Reads a property name; returns its path (<c>fields.a.b</c>) for the reasons.</summary>
        public string Name(ref Utf8JsonReader reader, string? parent)
        {
            var (text, bytes) = Text(ref reader, parent ?? "an attribute name");
            NameBytes = bytes;
            var path = parent is null ? text : $"{parent}.{text}";
            if (parent is not null && parent == TopAttribute)
            {
                // A map attribute's own members (a record's kept fields) are what a nesting problem is reported by.
                Attribute = path;
            }

            if (bytes == 0)
            {
                Report(path, $"{(parent is null ? "the item" : describe(parent))} has an empty attribute name");
            }
            else if (bytes > MaxAttributeNameBytes)
            {
                Report(path, $"{describe(path)} has a name of {bytes} bytes; at most {MaxAttributeNameBytes}");
            }

            return path;
        }

        /// <summary>Reads a value (the reader on its first token) and returns its size; leaves the reader on its last token.</summary>
        public long Value(ref Utf8JsonReader reader, string path, int level)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    LastStringBytes = Text(ref reader, path).Bytes;
                    return LastStringBytes;
                case JsonTokenType.Number:
                    var status = DynamoNumber.Check(reader.ValueSpan);
                    if (status != NumberStatus.Ok)
                    {
                        var problem = status switch
                        {
                            NumberStatus.TooManyDigits => $"has more than {DynamoNumber.MaxSignificantDigits} significant digits",
                            NumberStatus.OutOfRange => "is outside the range DynamoDB stores (1E-130..9.99E+125)",
                            _ => "is not a number",
                        };
                        Report(path, $"{describe(path)} holds the number {Encoding.UTF8.GetString(reader.ValueSpan)}, which {problem}");
                    }

                    return ((DynamoNumber.SignificantDigits(reader.ValueSpan) + 1) / 2) + 1;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (level > MaxNestingLevels)
                    {
                        Report(Attribute, $"{describe(Attribute)} is nested deeper than DynamoDB's {MaxNestingLevels} levels");
                        reader.Skip();
                        return 3;
                    }

                    return Container(ref reader, path, level);
                default:
                    return 1;
            }
        }

        private long Container(ref Utf8JsonReader reader, string path, int level)
        {
            var isMap = reader.TokenType == JsonTokenType.StartObject;
            var size = 3L;
            var index = 0;
            while (reader.Read() && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                var element = isMap ? Name(ref reader, path) : $"{path}[{index}]";
                var nameBytes = isMap ? NameBytes : 0;
                if (isMap)
                {
                    reader.Read();
                }

                size += 1 + nameBytes + Value(ref reader, element, level + 1);
                index++;
            }

            return size;
        }

        /// <summary>The decoded text and its UTF-8 length; a lone surrogate escape is reported instead of decoded.</summary>
        private (string Text, int Bytes) Text(ref Utf8JsonReader reader, string path)
        {
            if (!reader.ValueIsEscaped)
            {
                return (Encoding.UTF8.GetString(reader.ValueSpan), reader.ValueSpan.Length);
            }

            if (JsonEscapes.LoneSurrogate(reader.ValueSpan) is { } escape)
            {
                Report(path, JsonEscapes.LoneSurrogateReason(describe(path), escape));
                return (Encoding.UTF8.GetString(reader.ValueSpan), reader.ValueSpan.Length);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                var length = reader.CopyString(buffer);
                return (Encoding.UTF8.GetString(buffer, 0, length), length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Report(string path, string reason)
        {
            if (reported.Add(path))
            {
                problems.Add(reason);
            }
        }
    }
}
