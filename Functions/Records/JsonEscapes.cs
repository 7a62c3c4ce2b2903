using System.Text;

namespace Pipeline.Functions;

/// <summary>
/// JSON's <c>\uXXXX</c> escapes can spell half of a UTF-16 surrogate pair, which is valid JSON but no Unicode character:
/// it cannot be decoded to UTF-8, so neither .NET's reader nor DynamoDB takes it. Found here in the escaped text.
/// </summary>
public static class JsonEscapes
{
    /// <summary>The reason a record gives for <paramref name="where"/> holding the lone surrogate <paramref name="escape"/>.</summary>
    public static string LoneSurrogateReason(string where, string escape) =>
        $"{where} holds the escape {escape}, half of a UTF-16 surrogate pair: not a Unicode character, so DynamoDB cannot store it";

    /// <summary>The first <c>\uXXXX</c> escape that is a surrogate without its pair, if any.</summary>
    public static string? LoneSurrogate(ReadOnlySpan<byte> escaped)
    {
        var pendingHigh = (string?)null;
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != (byte)'\\')
            {
                if (pendingHigh is not null)
                {
                    return pendingHigh;
                }

                continue;
            }

            if (escaped[i + 1] != (byte)'u')
            {
                if (pendingHigh is not null)
                {
                    return pendingHigh;
                }

                i++;
                continue;
            }

            var code = Convert.ToInt32(Encoding.ASCII.GetString(escaped.Slice(i + 2, 4)), 16);
            var text = Encoding.ASCII.GetString(escaped.Slice(i, 6));
            i += 5;
            if (code is >= 0xD800 and <= 0xDBFF)
            {
                if (pendingHigh is not null)
                {
                    return pendingHigh;
                }

                pendingHigh = text;
            }
            else if (code is >= 0xDC00 and <= 0xDFFF)
            {
                if (pendingHigh is null)
                {
                    return text;
                }

                pendingHigh = null;
            }
            else if (pendingHigh is not null)
            {
                return pendingHigh;
            }
        }

        return pendingHigh;
    }
}
