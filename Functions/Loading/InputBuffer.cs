namespace Pipeline.Functions;

/// <summary>
/// The part of a stream still needed: bytes are read at the end and released from the front. A fill moves what is kept
/// to the front and doubles the buffer when that fills more than half of it, so a record longer than the buffer costs
/// O(its length) to read whole, however often a reader retries it.
/// </summary>
internal sealed class InputBuffer
{
    private readonly Stream _stream;
    private byte[] _array;
    private int _start;
    private int _end;

    public InputBuffer(Stream stream, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _stream = stream;
        _array = new byte[capacity];
    }

    /// <summary>The kept bytes; <see cref="Data"/>[0] is file byte <see cref="Offset"/>.</summary>
    public ReadOnlySpan<byte> Data => _array.AsSpan(_start, _end - _start);

    public long Offset { get; private set; }

    /// <summary>The stream has no more bytes than <see cref="Data"/> holds.</summary>
    public bool Ended { get; private set; }

    private long EndOffset => Offset + (_end - _start);

    /// <summary>Forgets the bytes before file byte <paramref name="position"/>.</summary>
    public void Release(long position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, Offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, EndOffset);
        _start += (int)(position - Offset);
        Offset = position;
    }

    /// <summary>Reads until the buffer is full or the stream ends.</summary>
    public async Task FillAsync(CancellationToken cancellationToken)
    {
        var kept = _end - _start;
        if (kept * 2 > _array.Length)
        {
            var larger = new byte[checked(_array.Length * 2)];
            _array.AsSpan(_start, kept).CopyTo(larger);
            _array = larger;
        }
        else if (_start > 0)
        {
            _array.AsSpan(_start, kept).CopyTo(_array);
        }

        _start = 0;
        _end = kept;
        while (_end < _array.Length)
        {
            var read = await _stream.ReadAsync(_array.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                Ended = true;
                return;
            }

            _end += read;
        }
    }
}
