using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pipeline.Functions;

/// <summary>
/// Files must be UTF-8. A UTF-8 byte order mark is accepted and skipped (spreadsheet exports add
/// one); a UTF-16 or UTF-32 byte order mark and any invalid UTF-8 sequence make the file invalid,
/// reported with the byte position of the first bad byte. A compressed file, an archive and UTF-16
/// text without a byte order mark are named as such, with what to do.
/// </summary>
public static class Utf8Content
{
    /// <summary>Checks the encoding and returns where the content starts.</summary>
    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf32BigEndianMark => [0x00, 0x00, 0xFE, 0xFF];
    private static ReadOnlySpan<byte> GzipSignature => [0x1F, 0x8B];
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    public static int ContentStart(ReadOnlySpan<byte> data, string file)
    {
        if (NotText(data) is { } what)
        {
            throw new InvalidInput(file, null, 0, what);
        }

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

    /// <summary>What the file is when it is not text at all: compressed, an archive, or UTF-16 without a byte order mark.</summary>
    private static string? NotText(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(GzipSignature))
        {
            return "the file is gzip-compressed (it starts with gzip's signature 1F 8B): upload the uncompressed file";
        }

        if (data.StartsWith(ZipSignature))
        {
            return "the file is a ZIP archive (an .xlsx workbook is one): export the records as CSV or JSON and upload that";
        }

        // UTF-16 text of mostly ASCII characters has a zero in every other byte; UTF-8 text has none.
        var head = data[..Math.Min(data.Length, 64)];
        var zeros = head.Count((byte)0);
        if (head.Length >= 4 && zeros * 3 >= head.Length && (head[1] == 0 || head[0] == 0))
        {
            var order = head[1] == 0 ? "little-endian" : "big-endian";
            return $"the file looks like UTF-16 text ({order}) without a byte order mark: every other byte is 0; save it as UTF-8 and upload it again";
        }

        return null;
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
