namespace Pipeline.Functions.Tests.Fixtures;

/// <summary>
/// A stream of generated records, made as it is read and never held whole: a prefix, then each record (a template
/// whose ten-digit placeholder becomes the record's number) with a separator between records, then a suffix. It cannot
/// seek, like an S3 response stream.
/// </summary>
public sealed class GeneratedRecordsStream : ForwardOnlyStream
{
    private const string Placeholder = "0000000000";

    private readonly byte[] prefix;
    private readonly byte[] record;
    private readonly byte[] separator;
    private readonly byte[] suffix;
    private readonly int digitsAt;
    private readonly long records;
    private long next;
    private byte[] pending;
    private int pendingAt;

    /// <param name="template">A record holding "0000000000" once.</param>
    public GeneratedRecordsStream(long records, string prefix, string template, string separator, string suffix)
    {
        this.records = records;
        this.prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
        record = System.Text.Encoding.UTF8.GetBytes(template);
        this.separator = System.Text.Encoding.UTF8.GetBytes(separator);
        this.suffix = System.Text.Encoding.UTF8.GetBytes(suffix);
        digitsAt = record.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Placeholder));
        ArgumentOutOfRangeException.ThrowIfNegative(digitsAt, nameof(template));
        pending = this.prefix;
        Length = this.prefix.Length + (records * record.Length) + (Math.Max(0, records - 1) * this.separator.Length) + this.suffix.Length;
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
            if (pendingAt == pending.Length && !Advance())
            {
                break;
            }

            var take = Math.Min(buffer.Length - written, pending.Length - pendingAt);
            pending.AsSpan(pendingAt, take).CopyTo(buffer[written..]);
            pendingAt += take;
            written += take;
        }

        Delivered += written;
        return written;
    }

    /// <summary>Moves to the next piece: a separator, a record or the suffix. False at the end.</summary>
    private bool Advance()
    {
        if (pending == record && next < records)
        {
            pending = separator;
            pendingAt = 0;
            return true;
        }

        if (next < records)
        {
            var number = next++;
            for (var i = Placeholder.Length - 1; i >= 0; i--)
            {
                record[digitsAt + i] = (byte)('0' + (number % 10));
                number /= 10;
            }

            pending = record;
            pendingAt = 0;
            return true;
        }

        if (pending != suffix)
        {
            pending = suffix;
            pendingAt = 0;
            return true;
        }

        return false;
    }
}
