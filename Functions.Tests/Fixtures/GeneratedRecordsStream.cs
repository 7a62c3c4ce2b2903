namespace Pipeline.Functions.Tests;

/// <summary>
/// A stream of generated records, made as it is read and never held whole: a prefix, then each record (a template
/// whose ten-digit placeholder becomes the record's number) with a separator between records, then a suffix. It cannot
/// seek, like an S3 response stream.
/// </summary>
public sealed class GeneratedRecordsStream : ForwardOnlyStream
{
    private const string Placeholder = "0000000000";

    private readonly byte[] _prefix;
    private readonly byte[] _record;
    private readonly byte[] _separator;
    private readonly byte[] _suffix;
    private readonly int _digitsAt;
    private readonly long _records;
    private long _next;
    private byte[] _pending;
    private int _pendingAt;

    /// <param name="template">A record holding "0000000000" once.</param>
    public GeneratedRecordsStream(long records, string prefix, string template, string separator, string suffix)
    {
        _records = records;
        _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
        _record = System.Text.Encoding.UTF8.GetBytes(template);
        _separator = System.Text.Encoding.UTF8.GetBytes(separator);
        _suffix = System.Text.Encoding.UTF8.GetBytes(suffix);
        _digitsAt = _record.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Placeholder));
        ArgumentOutOfRangeException.ThrowIfNegative(_digitsAt, nameof(template));
        _pending = _prefix;
        Length = _prefix.Length + (records * _record.Length) + (Math.Max(0, records - 1) * _separator.Length) + _suffix.Length;
    }

    /// <summary>How many bytes the stream gives in all.</summary>
    public override long Length { get; }

    /// <summary>How many bytes have been read so far.</summary>
    public long Delivered { get; private set; }

    public override long Position
    {
        get => Delivered;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingAt == _pending.Length && !Advance())
            {
                break;
            }

            var take = Math.Min(buffer.Length - written, _pending.Length - _pendingAt);
            _pending.AsSpan(_pendingAt, take).CopyTo(buffer[written..]);
            _pendingAt += take;
            written += take;
        }

        Delivered += written;
        return written;
    }

    /// <summary>Moves to the next piece: a separator, a record or the suffix. False at the end.</summary>
    private bool Advance()
    {
        if (_pending == _record && _next < _records)
        {
            _pending = _separator;
            _pendingAt = 0;
            return true;
        }

        if (_next < _records)
        {
            var number = _next++;
            for (var i = Placeholder.Length - 1; i >= 0; i--)
            {
                _record[_digitsAt + i] = (byte)('0' + (number % 10));
                number /= 10;
            }

            _pending = _record;
            _pendingAt = 0;
            return true;
        }

        if (_pending != _suffix)
        {
            _pending = _suffix;
            _pendingAt = 0;
            return true;
        }

        return false;
    }
}
