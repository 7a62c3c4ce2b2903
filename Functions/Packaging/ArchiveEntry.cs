namespace Pipeline.Functions.Packaging;

/// <summary>One file of a deployment package: its path in the zip, its Unix mode, and its unpacked and packed sizes.</summary>
public sealed record ArchiveEntry(string Name, UnixFileMode Mode, long Size, long CompressedSize)
{
    public bool IsExecutable => (Mode & UnixFileMode.UserExecute) != 0;
}
