using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Functions.Records;

/// <summary>Writes newline-delimited JSON into a growable in-memory buffer, one value per line.</summary>
public sealed class NdjsonWriter : IDisposable
{
    // Output is data, never HTML: keep non-ASCII text as UTF-8 instead of \u escapes.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> buffer;

    public NdjsonWriter(int initialCapacity = 64 * 1024)
    {
        buffer = new ArrayBufferWriter<byte>(initialCapacity);
        Json = new Utf8JsonWriter(buffer, Options);
    }

    /// <summary>Write exactly one JSON value here, then call <see cref="EndLine"/>.</summary>
    public Utf8JsonWriter Json { get; }

    public int LineCount { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => buffer.WrittenMemory;

    public void EndLine()
    {
        Json.Flush();
        buffer.Write("\n"u8);
        Json.Reset();
        LineCount++;
    }

    /// <summary>
    /// Appends bytes of a line built by hand (the hot paths copy JSON they have already checked
    /// instead of re-serialising it); finish the line with <see cref="EndRawLine"/>.
    /// </summary>
    public void WriteRaw(ReadOnlySpan<byte> utf8Json) => buffer.Write(utf8Json);

    public void WriteRaw(long number)
    {
        var span = buffer.GetSpan(20);
        Utf8Formatter.TryFormat(number, span, out var written);
        buffer.Advance(written);
    }

    public void EndRawLine()
    {
        buffer.Write("\n"u8);
        LineCount++;
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    /// <summary>Empties the buffer, keeping its capacity.</summary>
    public void Clear()
    {
        Json.Reset();
        buffer.ResetWrittenCount();
        LineCount = 0;
    }

    public void Dispose() => Json.Dispose();
}
