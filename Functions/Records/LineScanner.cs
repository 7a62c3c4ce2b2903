using System.Buffers.Text;

namespace Pipeline.Functions.Records;

/// <summary>Steps through the hand-written chunk line formats (<see cref="RecordEnvelope"/>, <see cref="ValidRecordLine"/>) without a JSON reader.</summary>
internal static class LineScanner
{
    /// <summary>Consumes <paramref name="prefix"/> when the text starts with it.</summary>
    public static bool Expect(ref ReadOnlySpan<byte> rest, ReadOnlySpan<byte> prefix)
    {
        if (!rest.StartsWith(prefix))
        {
            return false;
        }

        rest = rest[prefix.Length..];
        return true;
    }

    /// <summary>Consumes a non-negative integer.</summary>
    public static bool Number(ref ReadOnlySpan<byte> rest, out long value)
    {
        if (!Utf8Parser.TryParse(rest, out value, out var consumed) || value < 0)
        {
            return false;
        }

        rest = rest[consumed..];
        return true;
    }
}
