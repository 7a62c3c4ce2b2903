namespace Pipeline.Functions.Tests;

/// <summary>
/// Passes an S3 response stream through, counting the bytes read, and runs a check once, when the reader asks for bytes
/// after <see cref="CheckAfter"/> of them have been read.
/// </summary>
public sealed class RecordingStream(Stream inner, long checkAfter, Func<Task> check) : Stream
{
    private bool _checked;

    public long CheckAfter { get; } = checkAfter;

    public long Delivered { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_checked && Delivered >= CheckAfter)
        {
            _checked = true;
            await check();
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        Delivered += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
