using System.IO.Compression;

namespace Pipeline.Functions.Packaging;

/// <summary>
/// The zip Lambda receives for an OS-only runtime: the published executable as <c>bootstrap</c> (mode 755, else Lambda
/// fails with <c>Runtime.InvalidEntrypoint</c>) and any other published file world-readable (644), with Unix modes in
/// the entries' external attributes. Pulumi zips a folder without modes but uploads a <c>.zip</c> byte for byte, which is
/// why the program points at this file. Entries are sorted and dated 1980-01-01, so the same publish gives the same bytes.
/// </summary>
public static class FunctionArchive
{
    public const string EntryPoint = "bootstrap";

    public const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101;

    public const UnixFileMode ReadableMode = (UnixFileMode)0b110_100_100;

    private const int RegularFile = 0x8000;

    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the files of <paramref name="publishDirectory"/> (symbol files left out) with <paramref name="executable"/> as <c>bootstrap</c>.</summary>
    public static void Write(string publishDirectory, string executable, string archivePath)
    {
        var files = Directory.GetFiles(publishDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.EndsWith(".dbg", StringComparison.Ordinal) && !name.EndsWith(".pdb", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!files.Contains(executable))
        {
            throw new FileNotFoundException($"the publish folder {publishDirectory} has no executable '{executable}'", Path.Combine(publishDirectory, executable));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivePath))!);
        var temporary = archivePath + ".tmp";
        File.Delete(temporary);
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var name in files.Order(StringComparer.Ordinal))
            {
                var isEntryPoint = name == executable;
                var entry = zip.CreateEntry(isEntryPoint ? EntryPoint : name, CompressionLevel.SmallestSize);
                entry.LastWriteTime = FixedTime;
                entry.ExternalAttributes = ExternalAttributes(isEntryPoint ? ExecutableMode : ReadableMode);
                using var source = File.OpenRead(Path.Combine(publishDirectory, name));
                using var target = entry.Open();
                source.CopyTo(target);
            }
        }

        File.Move(temporary, archivePath, overwrite: true);
    }

    /// <summary>The entries of a package: name, Unix mode and size, as Lambda will unpack them.</summary>
    public static IReadOnlyList<ArchiveEntry> Read(string archivePath)
    {
        using var zip = ZipFile.OpenRead(archivePath);
        return zip.Entries
            .Select(entry => new ArchiveEntry(entry.FullName, (UnixFileMode)((entry.ExternalAttributes >> 16) & 0xFFF), entry.Length, entry.CompressedLength))
            .ToList();
    }

    /// <summary>The bytes of one entry of a package; null when it has none of that name.</summary>
    public static byte[]? ReadEntry(string archivePath, string name)
    {
        using var zip = ZipFile.OpenRead(archivePath);
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        using var content = entry.Open();
        using var bytes = new MemoryStream();
        content.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>A zip entry's external attributes for a regular file of <paramref name="mode"/>, as Unix zip tools write them.</summary>
    public static int ExternalAttributes(UnixFileMode mode) => (RegularFile | (int)mode) << 16;
}

/// <summary>One file of a deployment package: its path in the zip, its Unix mode, and its unpacked and packed sizes.</summary>
public sealed record ArchiveEntry(string Name, UnixFileMode Mode, long Size, long CompressedSize)
{
    public bool IsExecutable => (Mode & UnixFileMode.UserExecute) != 0;
}
