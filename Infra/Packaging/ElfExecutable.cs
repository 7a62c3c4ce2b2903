using System.Buffers.Binary;
using System.Text;

namespace Pipeline.Infra.Packaging;

/// <summary>
/// What Lambda needs to know of an executable before it can start it: that it is a 64-bit little-endian ELF file, for
/// which machine, and the newest glibc symbol version it needs (its <c>.gnu.version_r</c> entries). Read from the ELF
/// headers as the System V ABI and the LSB specification lay them out.
/// </summary>
public sealed record ElfExecutable(string Machine, Version? NewestGlibc)
{
    private const int SectionHeaderTypeVersionNeeds = 0x6ffffffe;

    /// <summary>The Lambda architecture of an ELF machine number (EM_AARCH64 = 183, EM_X86_64 = 62).</summary>
    public string? Architecture => Machine switch
    {
        "aarch64" => "arm64",
        "x86-64" => "x86_64",
        _ => null,
    };

    /// <summary>Reads <paramref name="image"/>; null when it is not a 64-bit little-endian ELF executable.</summary>
    public static ElfExecutable? Read(ReadOnlySpan<byte> image)
    {
        if (image.Length < 64 || !image[..4].SequenceEqual("\u007fELF"u8) || image[4] != 2 || image[5] != 1)
        {
            return null;
        }

        var machine = BinaryPrimitives.ReadUInt16LittleEndian(image[18..]) switch
        {
            183 => "aarch64",
            62 => "x86-64",
            var other => $"machine {other}",
        };
        return new ElfExecutable(machine, NewestGlibcNeeded(image));
    }

    private static Version? NewestGlibcNeeded(ReadOnlySpan<byte> image)
    {
        var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(image[0x28..]));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(image[0x3A..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(image[0x3C..]);
        Version? newest = null;
        for (var index = 0; index < count; index++)
        {
            var header = image[(sectionTable + (index * entrySize))..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionHeaderTypeVersionNeeds)
            {
                continue;
            }

            var needs = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]));
            var strings = StringTable(image, sectionTable, entrySize, BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]));
            for (var need = needs; ;)
            {
                var auxiliaryCount = BinaryPrimitives.ReadUInt16LittleEndian(image[(need + 2)..]);
                for (var auxiliary = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(need + 8)..]); auxiliaryCount-- > 0;)
                {
                    var name = Text(image, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(auxiliary + 8)..]));
                    if (name.StartsWith("GLIBC_", StringComparison.Ordinal) && Version.TryParse(name["GLIBC_".Length..], out var version)
                        && (newest is null || version > newest))
                    {
                        newest = version;
                    }

                    auxiliary += (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(auxiliary + 12)..]);
                }

                var next = (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(need + 12)..]);
                if (next == 0)
                {
                    break;
                }

                need += next;
            }
        }

        return newest;
    }

    private static int StringTable(ReadOnlySpan<byte> image, int sectionTable, int entrySize, uint section) =>
        checked((int)BinaryPrimitives.ReadUInt64LittleEndian(image[(sectionTable + ((int)section * entrySize) + 0x18)..]));

    private static string Text(ReadOnlySpan<byte> image, int offset)
    {
        var end = image[offset..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(image.Slice(offset, end));
    }
}
