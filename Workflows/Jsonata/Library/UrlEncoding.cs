using System.Text;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>JavaScript's encodeURI/encodeURIComponent and their decoders, raising D3140 on malformed input.</summary>
internal static class UrlEncoding
{
    public const string ComponentSafe = "-_.!~*'()";
    public const string UrlSafe = "-_.!~*'();/?:@&=+$,#";

    public static string Encode(string text, string function, string safe)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || safe.Contains(c, StringComparison.Ordinal))
            {
                result.Append(c);
                continue;
            }

            string character;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                character = text.Substring(i, 2);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new JsonataException("D3140", $"Malformed URL passed to ${function}(): \"{text}\"");
            }
            else
            {
                character = c.ToString();
            }

            foreach (var b in Encoding.UTF8.GetBytes(character))
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }

    public static string Decode(string text, string function, string reserved)
    {
        var result = new StringBuilder();
        var bytes = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                result.Append(text[i++]);
                continue;
            }

            var start = i;
            bytes.Clear();
            while (i < text.Length && text[i] == '%')
            {
                if (!IsHex(text, i + 1) || !IsHex(text, i + 2))
                    throw Malformed(text, function);
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 3;
                if (bytes[0] < 0x80)
                    break;
                if (bytes.Count == ExpectedLength(bytes[0]))
                    break;
            }

            if (bytes[0] < 0x80)
            {
                var ch = (char)bytes[0];
                result.Append(reserved.Contains(ch, StringComparison.Ordinal) ? text.Substring(start, 3) : ch.ToString());
                continue;
            }

            if (ExpectedLength(bytes[0]) != bytes.Count)
                throw Malformed(text, function);
            try
            {
                result.Append(new UTF8Encoding(false, true).GetString(bytes.ToArray()));
            }
            catch (ArgumentException)
            {
                throw Malformed(text, function);
            }
        }

        return result.ToString();
    }

    private static bool IsHex(string text, int index) => index < text.Length && char.IsAsciiHexDigit(text[index]);

    private static int ExpectedLength(byte first) => first switch
    {
        >= 0xF0 and < 0xF8 => 4,
        >= 0xE0 => 3,
        >= 0xC0 => 2,
        _ => 0,
    };

    private static JsonataException Malformed(string text, string function) =>
        new("D3140", $"Malformed URL passed to ${function}(): \"{text}\"");
}
