namespace Pipeline.Functions.Loading;

/// <summary>
/// The part of a stream still needed: bytes are read at the end and released from the front. A fill moves what is kept
/// to the front and doubles the buffer when that fills more than half of it, so a record longer than the buffer costs
/// O(its length) to read whole, however often a reader retries it.
/// </summary>
internal sealed class InputBuffer
{
    private readonly Stream stream;
    private byte[] array;
    private int start;
    private int end;

    public InputBuffer(Stream stream, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.stream = stream;
        array = new byte[capacity];
    }

    /// <summary>The kept bytes; <see cref="Data"/>[0] is file byte <see cref="Offset"/>.</summary>
    public ReadOnlySpan<byte> Data => array.AsSpan(start, end - start);

    public long Offset { get; private set; }

    /// <summary>The stream has no more bytes than <see cref="Data"/> holds.</summary>
    public bool Ended { get; private set; }

    private long EndOffset => Offset + (end - start);

    /// <summary>Forgets the bytes before file byte <paramref name="position"/>.</summary>
    public void Release(long position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, Offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, EndOffset);
        start += (int)(position - Offset);
        Offset = position;
    }

    /// <summary>Reads until the buffer is full or the stream ends.</summary>
    public async Task FillAsync(CancellationToken cancellationToken)
    {
        var kept = end - start;
        if (kept * 2 > array.Length)
        {
            var larger = new byte[checked(array.Length * 2)];
            array.AsSpan(start, kept).CopyTo(larger);
            array = larger;
        }
        else if (start > 0)
        {
            array.AsSpan(start, kept).CopyTo(array);
        }

        start = 0;
        end = kept;
        while (end < array.Length)
        {
            var read = await stream.ReadAsync(array.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                Ended = true;
                return;
            }

            end += read;
        }
    }
}
