using System.Text;

namespace Pipeline.Functions.Records;

/// <summary>
/// JSON's <c>\uXXXX</c> escapes can spell half of a UTF-16 surrogate pair, which is valid JSON but no Unicode character:
/// it cannot be decoded to UTF-8, so neither .NET's reader nor DynamoDB takes it. Found here in the escaped text.
/// </summary>
public static class JsonEscapes
{
    /// <summary>The reason a record gives for <paramref name="where"/> holding the lone surrogate <paramref name="escape"/>.</summary>
    public static string LoneSurrogateReason(string where, string escape) => $"{where} {LoneSurrogateProblem(escape)}";

    /// <summary>What is wrong with a value or name holding the lone surrogate <paramref name="escape"/>.</summary>
    public static string LoneSurrogateProblem(string escape) =>
        $"holds the escape {escape}, half of a UTF-16 surrogate pair: not a Unicode character, so DynamoDB cannot store it";

    /// <summary>The first <c>\uXXXX</c> escape that is a surrogate without its pair, if any.</summary>
    public static string? LoneSurrogate(ReadOnlySpan<byte> escaped)
    {
        // Where an unpaired high surrogate's escape starts; -1 when none is waiting for its low half.
        var pendingHigh = -1;
        for (var i = 0; i < escaped.Length; i++)
        {
            var isUnicodeEscape = escaped[i] == (byte)'\\' && i + 5 < escaped.Length && escaped[i + 1] == (byte)'u';
            var code = isUnicodeEscape ? Hex(escaped.Slice(i + 2, 4)) : -1;
            var isLow = code is >= 0xDC00 and <= 0xDFFF;
            if (pendingHigh >= 0 && !isLow)
            {
                return Escape(escaped, pendingHigh);
            }

            if (code is >= 0xD800 and <= 0xDBFF)
            {
                pendingHigh = i;
            }
            else if (isLow)
            {
                if (pendingHigh < 0)
                {
                    return Escape(escaped, i);
                }

                pendingHigh = -1;
            }

            // Step over the escape: six bytes for \uXXXX, two for the others.
            i += isUnicodeEscape ? 5 : escaped[i] == (byte)'\\' ? 1 : 0;
        }

        return pendingHigh >= 0 ? Escape(escaped, pendingHigh) : null;
    }

    private static string Escape(ReadOnlySpan<byte> escaped, int start) => Encoding.ASCII.GetString(escaped.Slice(start, 6));

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            value = (value << 4) | (digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        }

        return value;
    }
}
