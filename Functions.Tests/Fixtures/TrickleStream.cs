namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>A stream over bytes in memory that gives at most a few bytes per read and cannot seek, as a network stream may.</summary>
public sealed class TrickleStream(byte[] data, int bytesPerRead) : ForwardOnlyStream
{
    private int position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, bytesPerRead), data.Length - position);
        data.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }
}
