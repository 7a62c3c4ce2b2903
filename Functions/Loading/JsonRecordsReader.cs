using System.Text.Json;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Records;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Reads a JSON array of records, <c>{"records":[…]}</c>, or a single record object, as the input arrives: one
/// Utf8JsonReader whose state carries over from call to call. An element is taken once all of it is in the input;
/// otherwise the reader resumes before it next time. An object's bytes are kept until its <c>records</c> property
/// appears, since an object without one is itself the record.
/// </summary>
internal sealed class JsonRecordsReader : IRecordsReader
{
    private static ReadOnlySpan<byte> RecordsName => "records"u8;

    private readonly string file;
    private readonly ChunkBuilder chunks;
    private readonly TextPositions positions;
    private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = RecordEnvelope.MaxRecordDepth });
    private Stage stage;
    private long resume;
    private long objectStart = -1;
    private bool sawRecords;

    public JsonRecordsReader(long contentStart, string file, ChunkBuilder chunks)
    {
        resume = contentStart;
        this.file = file;
        this.chunks = chunks;
        positions = new TextPositions(contentStart);
    }

    private enum Stage
    {
        Start,
        Elements,
        Properties,
        End,
        Done,
    }

    private enum Outcome
    {
        Progressed,

        /// <summary>The input ran out between tokens: resume where the reader stopped.</summary>
        NeedsMore,

        /// <summary>The input ran out inside what the step reads as a whole: resume where the step began.</summary>
        NeedsMoreFromStepStart,
    }

    /// <summary>The object's bytes must be kept: without a <c>records</c> property it is the one record.</summary>
    private bool HoldsObject => objectStart >= 0 && !sawRecords;

    public long Read(ReadOnlySpan<byte> data, long dataOffset, bool isFinal)
    {
        var windowOffset = resume;
        var reader = new Utf8JsonReader(data[(int)(windowOffset - dataOffset)..], isFinal, state);
        try
        {
            while (stage != Stage.Done && !chunks.IsFull)
            {
                var stepState = reader.CurrentState;
                var stepStart = reader.BytesConsumed;
                var outcome = stage switch
                {
                    Stage.Start => Start(ref reader, windowOffset),
                    Stage.Elements => Element(ref reader, data, dataOffset, windowOffset),
                    Stage.Properties => Property(ref reader, data, dataOffset, windowOffset),
                    _ => End(ref reader, isFinal),
                };
                if (outcome == Outcome.NeedsMoreFromStepStart)
                {
                    return Suspend(stepState, windowOffset + stepStart, data, dataOffset);
                }

                if (outcome == Outcome.NeedsMore)
                {
                    break;
                }
            }
        }
        catch (JsonException exception)
        {
            var (line, at, message) = positions.Locate(exception, data, dataOffset);
            throw new InvalidInput(file, line, at, $"malformed JSON: {WithoutFollowingInput(message)}");
        }

        return Suspend(reader.CurrentState, windowOffset + reader.BytesConsumed, data, dataOffset);
    }

    public (long Line, long Byte, string What) PendingRecord(ReadOnlySpan<byte> data, long dataOffset)
    {
        if (HoldsObject)
        {
            return (positions.LineAt(data, dataOffset, objectStart), objectStart, "the object (a record, or what comes before its 'records' array)");
        }

        var rest = data[(int)(resume - dataOffset)..];
        var skipped = rest.IndexOfAnyExcept(" \t\r\n,"u8);
        var start = resume + (skipped < 0 ? rest.Length : skipped);
        return (positions.LineAt(data, dataOffset, start), start, stage == Stage.Elements ? "the record" : "the value");
    }

    private Outcome Start(ref Utf8JsonReader reader, long windowOffset)
    {
        if (!reader.Read())
        {
            return Outcome.NeedsMore;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            stage = Stage.Elements;
        }
        else
        {
            objectStart = windowOffset + reader.TokenStartIndex;
            stage = Stage.Properties;
        }

        return Outcome.Progressed;
    }

    private Outcome Element(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long dataOffset, long windowOffset)
    {
        if (!reader.Read())
        {
            return Outcome.NeedsMore;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            stage = sawRecords ? Stage.Properties : Stage.End;
            return Outcome.Progressed;
        }

        var start = windowOffset + reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return Outcome.NeedsMoreFromStepStart;
        }

        var end = windowOffset + reader.BytesConsumed;
        chunks.AddJson(positions.LineAt(data, dataOffset, start), data[(int)(start - dataOffset)..(int)(end - dataOffset)]);
        return Outcome.Progressed;
    }

    private Outcome Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long dataOffset, long windowOffset)
    {
        if (!reader.Read())
        {
            return Outcome.NeedsMore;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            if (HoldsObject)
            {
                var end = windowOffset + reader.BytesConsumed;
                chunks.AddJson(positions.LineAt(data, dataOffset, objectStart), data[(int)(objectStart - dataOffset)..(int)(end - dataOffset)]);
                objectStart = -1;
            }

            stage = Stage.End;
            return Outcome.Progressed;
        }

        var nameStart = windowOffset + reader.TokenStartIndex;
        if (reader.ValueTextEquals(RecordsName))
        {
            if (sawRecords)
            {
                throw Problem(data, dataOffset, nameStart, "the property 'records' appears twice");
            }

            if (!reader.Read())
            {
                return Outcome.NeedsMoreFromStepStart;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Problem(data, dataOffset, windowOffset + reader.TokenStartIndex, $"'records' must be an array, found {reader.TokenType}");
            }

            sawRecords = true;
            stage = Stage.Elements;
            return Outcome.Progressed;
        }

        var name = reader.GetString()!;
        if (!reader.Read())
        {
            return Outcome.NeedsMoreFromStepStart;
        }

        if (reader.TokenType == JsonTokenType.StartArray && name.Equals("records", StringComparison.OrdinalIgnoreCase))
        {
            throw Problem(data, dataOffset, nameStart, $"the records are under '{name}'; they are read from 'records' (lower case): rename the key and upload the file again");
        }

        return reader.TrySkip() ? Outcome.Progressed : Outcome.NeedsMoreFromStepStart;
    }

    private Outcome End(ref Utf8JsonReader reader, bool isFinal)
    {
        // Anything but whitespace after the document makes the reader throw.
        reader.Read();
        if (!isFinal)
        {
            return Outcome.NeedsMore;
        }

        stage = Stage.Done;
        return Outcome.Progressed;
    }

    /// <summary>Keeps where to resume and returns the first byte still needed, counting the lines of those released.</summary>
    private long Suspend(JsonReaderState state, long resume, ReadOnlySpan<byte> data, long dataOffset)
    {
        this.state = state;
        this.resume = resume;
        var keepFrom = HoldsObject ? objectStart : this.resume;
        positions.LineAt(data, dataOffset, keepFrom);
        return keepFrom;
    }

    /// <summary>
    /// The reader quotes an invalid literal with all the input after it, which would quote the rest of a whole file and make
    /// the message depend on where a read ended: keep the literal up to its first wrong character.
    /// </summary>
    private static string WithoutFollowingInput(string message)
    {
        const string Suffix = "' is an invalid JSON literal.";
        var end = message.LastIndexOf(Suffix, StringComparison.Ordinal);
        if (end < 2 || message[0] != '\'')
        {
            return message;
        }

        var quoted = message[1..end];
        var literal = quoted[0] switch
        {
            't' => "true",
            'f' => "false",
            _ => "null",
        };
        var kept = 0;
        while (kept < quoted.Length && kept < literal.Length && quoted[kept] == literal[kept])
        {
            kept++;
        }

        kept = Math.Min(quoted.Length, kept + (kept < quoted.Length && char.IsHighSurrogate(quoted[kept]) ? 2 : 1));
        return $"'{quoted[..kept]}{message[end..]}";
    }

    private InvalidInput Problem(ReadOnlySpan<byte> data, long dataOffset, long position, string problem) =>
        new(file, positions.LineAt(data, dataOffset, position), position, problem);
}
