using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>Writes newline-delimited JSON into a growable in-memory buffer, one value per line.</summary>
public sealed class NdjsonWriter : IDisposable
{
    // Output is data, never HTML: keep non-ASCII text as UTF-8 instead of \u escapes.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer;

    public NdjsonWriter(int initialCapacity = 64 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
        Json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>Write exactly one JSON value here, then call <see cref="EndLine"/>.</summary>
    public Utf8JsonWriter Json { get; }

    public int LineCount { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public void EndLine()
    {
        Json.Flush();
        _buffer.Write("\n"u8);
        Json.Reset();
        LineCount++;
    }

    /// <summary>
    /// Appends bytes of a line built by hand (the hot paths copy JSON they have already checked
    /// instead of re-serialising it); finish the line with <see cref="EndRawLine"/>.
    /// </summary>
    public void WriteRaw(ReadOnlySpan<byte> utf8Json) => _buffer.Write(utf8Json);

    public void WriteRaw(long number)
    {
        var span = _buffer.GetSpan(20);
        Utf8Formatter.TryFormat(number, span, out var written);
        _buffer.Advance(written);
    }

    public void EndRawLine()
    {
        _buffer.Write("\n"u8);
        LineCount++;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Empties the buffer, keeping its capacity.</summary>
    public void Clear()
    {
        Json.Reset();
        _buffer.ResetWrittenCount();
        LineCount = 0;
    }

    public void Dispose() => Json.Dispose();
}
