using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Pipeline.Functions.Errors;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Checks a file's content for UTF-8 as it is read, before any reader sees it, and fails the file at its first invalid
/// byte with that byte's line and position. A sequence cut by the end of what has been read waits for the next bytes.
/// </summary>
internal sealed class Utf8Validator
{
    private readonly string file;
    private long validatedTo;
    private long lines;

    public Utf8Validator(string file, long contentStart)
    {
        this.file = file;
        validatedTo = contentStart;
    }

    /// <summary>Checks the bytes of <paramref name="data"/> not checked yet; returns the file byte up to which the content is valid.</summary>
    /// <param name="data">Kept input that starts at file byte <paramref name="dataOffset"/>, at or before the last valid byte returned.</param>
    /// <param name="ended">Nothing follows <paramref name="data"/>.</param>
    public long Validate(ReadOnlySpan<byte> data, long dataOffset, bool ended)
    {
        var fresh = data[(int)(validatedTo - dataOffset)..];
        var text = ended ? fresh : fresh[..^IncompleteTail(fresh)];
        if (!Utf8.IsValid(text))
        {
            var position = FirstInvalidByte(text);
            var line = lines + text[..position].Count((byte)'\n') + 1;
            throw new InvalidInput(file, line, validatedTo + position, $"invalid UTF-8: byte 0x{text[position]:X2} does not begin a valid sequence");
        }

        lines += text.Count((byte)'\n');
        validatedTo += text.Length;
        return validatedTo;
    }

    /// <summary>How many bytes at the end start a multi-byte sequence that the next bytes may complete.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> text)
    {
        for (var length = 1; length <= Math.Min(3, text.Length); length++)
        {
            var last = text[^length];
            if ((last & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = last >= 0xF0 ? 4 : last >= 0xE0 ? 3 : last >= 0xC0 ? 2 : 1;
            return needed > length ? length : 0;
        }

        return 0;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> content)
    {
        var position = 0;
        while (position < content.Length)
        {
            if (Rune.DecodeFromUtf8(content[position..], out _, out var consumed) != OperationStatus.Done)
            {
                return position;
            }

            position += consumed;
        }

        return position;
    }
}
