using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pipeline.Functions;

/// <summary>
/// Files must be UTF-8. A UTF-8 byte order mark is accepted and skipped (spreadsheet exports add
/// one); a UTF-16 or UTF-32 byte order mark and any invalid UTF-8 sequence make the file invalid,
/// reported with the byte position of the first bad byte.
/// </summary>
public static class Utf8Content
{
    /// <summary>Checks the encoding and returns where the content starts.</summary>
    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf32BigEndianMark => [0x00, 0x00, 0xFE, 0xFF];

    public static int ContentStart(ReadOnlySpan<byte> data, string file)
    {
        var start = data.StartsWith(Utf8Mark) ? 3 : 0;
        if (start == 0 && (data.StartsWith(Utf16LittleEndianMark) || data.StartsWith(Utf16BigEndianMark) || data.StartsWith(Utf32BigEndianMark)))
        {
            throw new InvalidInput(file, 1, 0, "the file starts with a UTF-16 or UTF-32 byte order mark; files must be UTF-8");
        }

        var content = data[start..];
        if (Utf8.IsValid(content))
        {
            return start;
        }

        var position = FirstInvalidByte(content);
        var absolute = start + position;
        var line = data[..absolute].Count((byte)'\n') + 1;
        throw new InvalidInput(file, line, absolute, $"invalid UTF-8: byte 0x{data[absolute]:X2} does not begin a valid sequence");
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
