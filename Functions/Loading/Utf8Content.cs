using Pipeline.Functions.Errors;

namespace Pipeline.Functions.Loading;

/// <summary>
/// Files must be UTF-8. A UTF-8 byte order mark is accepted and skipped (spreadsheet exports add
/// one); a UTF-16 or UTF-32 byte order mark makes the file invalid, and so does any invalid UTF-8
/// sequence (<see cref="Utf8Validator"/>). A compressed file, an archive and UTF-16 text without a
/// byte order mark are named as such, with what to do.
/// </summary>
public static class Utf8Content
{
    /// <summary>How many bytes <see cref="ContentStart"/> needs to see, unless the file is shorter.</summary>
    public const int HeadBytes = 64;

    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf32BigEndianMark => [0x00, 0x00, 0xFE, 0xFF];
    private static ReadOnlySpan<byte> GzipSignature => [0x1F, 0x8B];
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Checks the first bytes of a file and returns where its content starts (after a byte order mark).</summary>
    public static int ContentStart(ReadOnlySpan<byte> head, string file)
    {
        if (NotText(head) is { } what)
        {
            throw new InvalidInput(file, null, 0, what);
        }

        var start = head.StartsWith(Utf8Mark) ? 3 : 0;
        if (start == 0 && (head.StartsWith(Utf16LittleEndianMark) || head.StartsWith(Utf16BigEndianMark) || head.StartsWith(Utf32BigEndianMark)))
        {
            throw new InvalidInput(file, 1, 0, "the file starts with a UTF-16 or UTF-32 byte order mark; files must be UTF-8");
        }

        return start;
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
        var head = data[..Math.Min(data.Length, HeadBytes)];
        var zeros = head.Count((byte)0);
        if (head.Length >= 4 && zeros * 3 >= head.Length && (head[1] == 0 || head[0] == 0))
        {
            var order = head[1] == 0 ? "little-endian" : "big-endian";
            return $"the file looks like UTF-16 text ({order}) without a byte order mark: every other byte is 0; save it as UTF-8 and upload it again";
        }

        return null;
    }
}
