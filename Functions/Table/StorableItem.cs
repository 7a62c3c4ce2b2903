using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Table;

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

        var walk = new Walk(itemJson, problems, describe ?? (path => path));
        var size = 0L;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyLimit = reader.ValueTextEquals(TableSchema.PartitionKey) ? MaxPartitionKeyBytes
                : reader.ValueTextEquals(TableSchema.SortKey) ? MaxSortKeyBytes
                : 0;
            size += walk.Name(ref reader);
            reader.Read();

            // The item itself is the first of DynamoDB's levels, so a top-level attribute's list or map is the second.
            var valueSize = walk.Value(ref reader, level: 2);
            size += valueSize;
            if (keyLimit > 0 && reader.TokenType == JsonTokenType.String && valueSize > keyLimit)
            {
                walk.Report($"is {valueSize} bytes; a key value is at most {keyLimit} bytes");
            }

            walk.Leave();
        }

        if (size > MaxItemBytes)
        {
            problems.Add($"the record's item would be {size} bytes; DynamoDB stores at most {MaxItemBytes} bytes (400 KB) per item");
        }

        return size;
    }

    /// <summary>
    /// The walk of one item. The path to the value being read is kept as positions in the item (a member's name token, a
    /// list element's index) and spelled out only for a reason, so a good item costs no allocation per value.
    /// </summary>
    private ref struct Walk(ReadOnlySpan<byte> item, ICollection<string> problems, Func<string, string> describe)
    {
        // One path list per thread, emptied by each walk: checking an item allocates nothing unless it has a problem.
        [ThreadStatic]
        private static List<(int NameToken, int Index)>? paths;

        private readonly ReadOnlySpan<byte> item = item;
        private readonly List<(int NameToken, int Index)> path = Reset(ref paths);
        private HashSet<string>? reported;

        /// <summary>Enters the member whose name the reader is on; returns the name's size.</summary>
        public int Name(ref Utf8JsonReader reader)
        {
            path.Add(((int)reader.TokenStartIndex, -1));
            var bytes = TextBytes(ref reader);
            if (bytes == 0)
            {
                Report("has an empty name");
            }
            else if (bytes > MaxAttributeNameBytes)
            {
                Report($"has a name of {bytes} bytes; at most {MaxAttributeNameBytes}");
            }

            return bytes;
        }

        public readonly void Leave() => path.RemoveAt(path.Count - 1);

        private static List<(int NameToken, int Index)> Reset(ref List<(int NameToken, int Index)>? cached)
        {
            cached ??= [];
            cached.Clear();
            return cached;
        }

        /// <summary>Reads a value (the reader on its first token) and returns its size; leaves the reader on its last token.</summary>
        public long Value(ref Utf8JsonReader reader, int level)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return TextBytes(ref reader);
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
                        Report($"holds the number {Encoding.UTF8.GetString(reader.ValueSpan)}, which {problem}");
                    }

                    return ((DynamoNumber.SignificantDigits(reader.ValueSpan) + 1) / 2) + 1;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (level > MaxNestingLevels)
                    {
                        // Reported once, by the top-level attribute or, in a map attribute, its member (a record's kept field).
                        Report($"is nested deeper than DynamoDB's {MaxNestingLevels} levels", depth: path.Count > 1 && path[1].Index < 0 ? 2 : 1);
                        reader.Skip();
                        return 3;
                    }

                    return Container(ref reader, level);
                default:
                    return 1;
            }
        }

        /// <summary>Adds a reason about the value being read, naming it by its path (or by its first <paramref name="depth"/> steps).</summary>
        public void Report(string problem, int depth = int.MaxValue)
        {
            var name = Path(Math.Min(depth, path.Count));
            if ((reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(name + problem[..Math.Min(12, problem.Length)]))
            {
                problems.Add($"{(name.Length == 0 ? "the item" : describe(name))} {problem}");
            }
        }

        private long Container(ref Utf8JsonReader reader, int level)
        {
            var isMap = reader.TokenType == JsonTokenType.StartObject;
            var size = 3L;
            var index = 0;
            while (reader.Read() && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                var nameBytes = 0;
                if (isMap)
                {
                    nameBytes = Name(ref reader);
                    reader.Read();
                }
                else
                {
                    path.Add((-1, index));
                }

                size += 1 + nameBytes + Value(ref reader, level + 1);
                Leave();
                index++;
            }

            return size;
        }

        /// <summary>The UTF-8 length of a string or name once decoded; a lone surrogate escape is reported instead.</summary>
        private int TextBytes(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                return reader.ValueSpan.Length;
            }

            if (JsonEscapes.LoneSurrogate(reader.ValueSpan) is { } escape)
            {
                Report(JsonEscapes.LoneSurrogateProblem(escape));
                return reader.ValueSpan.Length;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                return reader.CopyString(buffer);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>The first <paramref name="steps"/> steps of the path, as <c>fields.tags[2]</c>.</summary>
        private readonly string Path(int steps)
        {
            var text = new StringBuilder();
            for (var i = 0; i < steps; i++)
            {
                var (nameToken, index) = path[i];
                if (nameToken < 0)
                {
                    text.Append('[').Append(index).Append(']');
                    continue;
                }

                if (i > 0)
                {
                    text.Append('.');
                }

                var reader = new Utf8JsonReader(item[nameToken..], RecordEnvelope.ReaderOptions);
                reader.Read();
                text.Append(JsonEscapes.LoneSurrogate(reader.ValueSpan) is null ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan));
            }

            return text.ToString();
        }
    }
}
