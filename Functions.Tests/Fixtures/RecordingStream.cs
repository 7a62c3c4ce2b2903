namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>
/// Passes an S3 response stream through, counting the bytes read, and runs a check once, when the reader asks for bytes
/// after <see cref="CheckAfter"/> of them have been read.
/// </summary>
public sealed class RecordingStream(Stream inner, long checkAfter, Func<Task> check) : ForwardOnlyStream
{
    private bool hasChecked;

    public long CheckAfter { get; } = checkAfter;

    public long Delivered { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!hasChecked && Delivered >= CheckAfter)
        {
            hasChecked = true;
            await check();
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        Delivered += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
