namespace Pipeline.Functions.Records;

/// <summary>
/// Exact decimal handling of JSON number text against DynamoDB's number type: at most 38
/// significant digits, magnitude between 1E-130 and 9.99…E+125 (or zero). Numbers are never
/// converted to binary floating point, so large ids and values stay exact.
/// </summary>
public static class DynamoNumber
{
    public const int MaxSignificantDigits = 38;
    public const int MinExponent = -130;
    public const int MaxExponent = 125;

    /// <summary>Longest text <see cref="Format"/> writes.</summary>
    public const int MaxFormattedLength = 64;

    private const int ExponentSaturation = 1_000_000;

    /// <summary>
    /// Checks that <paramref name="text"/> is a JSON number that DynamoDB can store after it is
    /// multiplied by 10^<paramref name="powersOfTen"/>.
    /// </summary>
    public static NumberStatus Check(ReadOnlySpan<byte> text, int powersOfTen = 0) =>
        TryDecompose(text, out var number) ? Check(number, powersOfTen) : NumberStatus.NotANumber;

    /// <summary>The significant digits of a JSON number (zero has one), as DynamoDB counts them for an item's size.</summary>
    public static int SignificantDigits(ReadOnlySpan<byte> text) =>
        TryDecompose(text, out var number) ? Math.Max(1, number.SignificantDigits) : text.Length;

    private static NumberStatus Check(in Decomposed number, int powersOfTen)
    {
        if (number.IsZero)
        {
            return NumberStatus.Ok;
        }

        if (number.SignificantDigits > MaxSignificantDigits)
        {
            return NumberStatus.TooManyDigits;
        }

        var exponent = number.Exponent + powersOfTen;
        return exponent < MinExponent || exponent > MaxExponent ? NumberStatus.OutOfRange : NumberStatus.Ok;
    }

    /// <summary>
    /// Writes <paramref name="text"/> × 10^<paramref name="powersOfTen"/> in canonical form (plain
    /// decimal for ordinary magnitudes, <c>d.dddE±x</c> otherwise) and returns the length written.
    /// The number must pass <see cref="Check(ReadOnlySpan{byte}, int)"/> with the same power of ten.
    /// </summary>
    public static int Format(ReadOnlySpan<byte> text, int powersOfTen, Span<byte> destination)
    {
        if (!TryDecompose(text, out var number) || Check(number, powersOfTen) != NumberStatus.Ok)
        {
            throw new ArgumentException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not a number DynamoDB can store", nameof(text));
        }

        if (number.IsZero)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        Span<byte> digits = stackalloc byte[MaxSignificantDigits];
        var count = number.CopySignificantDigits(text, digits);
        digits = digits[..count];
        var exponent = number.Exponent + powersOfTen;

        var at = 0;
        if (number.Negative)
        {
            destination[at++] = (byte)'-';
        }

        if (exponent is >= 0 and < 40)
        {
            var integerDigits = exponent + 1;
            if (count <= integerDigits)
            {
                digits.CopyTo(destination[at..]);
                at += count;
                destination.Slice(at, integerDigits - count).Fill((byte)'0');
                at += integerDigits - count;
            }
            else
            {
                digits[..integerDigits].CopyTo(destination[at..]);
                at += integerDigits;
                destination[at++] = (byte)'.';
                digits[integerDigits..].CopyTo(destination[at..]);
                at += count - integerDigits;
            }
        }
        else if (exponent is < 0 and >= -7)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -exponent - 1).Fill((byte)'0');
            at += -exponent - 1;
            digits.CopyTo(destination[at..]);
            at += count;
        }
        else
        {
            destination[at++] = digits[0];
            if (count > 1)
            {
                destination[at++] = (byte)'.';
                digits[1..].CopyTo(destination[at..]);
                at += count - 1;
            }

            destination[at++] = (byte)'E';
            destination[at++] = exponent < 0 ? (byte)'-' : (byte)'+';
            var magnitude = Math.Abs(exponent);
            if (!System.Buffers.Text.Utf8Formatter.TryFormat(magnitude, destination[at..], out var written))
            {
                throw new InvalidOperationException("number formatting buffer too small");
            }

            at += written;
        }

        return at;
    }

    private static bool TryDecompose(ReadOnlySpan<byte> text, out Decomposed number)
    {
        number = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        var integerStart = i;
        if (i >= text.Length || !IsDigit(text[i]))
        {
            return false;
        }

        if (text[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        var integerEnd = i;
        var fractionStart = i;
        var fractionEnd = i;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            fractionStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            fractionEnd = i;
            if (fractionEnd == fractionStart)
            {
                return false;
            }
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
            {
                exponentNegative = text[i] == (byte)'-';
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                exponent = Math.Min(ExponentSaturation, (exponent * 10) + (text[i] - (byte)'0'));
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return false;
        }

        // Positions of the first and last non-zero digit, counted over integer then fraction digits.
        var integerLength = integerEnd - integerStart;
        var totalDigits = integerLength + (fractionEnd - fractionStart);
        var first = -1;
        var last = -1;
        for (var k = 0; k < totalDigits; k++)
        {
            var digit = k < integerLength ? text[integerStart + k] : text[fractionStart + k - integerLength];
            if (digit != (byte)'0')
            {
                if (first < 0)
                {
                    first = k;
                }

                last = k;
            }
        }

        number = first < 0
            ? new Decomposed(negative, true, 0, 0, integerStart, integerLength, fractionStart, 0)
            : new Decomposed(
                negative,
                false,
                last - first + 1,
                (int)Math.Clamp(integerLength - 1 - first + exponent, -ExponentSaturation, ExponentSaturation),
                integerStart,
                integerLength,
                fractionStart,
                first);
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>Sign, significant digit count and the decimal exponent of the first significant digit.</summary>
    private readonly record struct Decomposed(
        bool Negative,
        bool IsZero,
        int SignificantDigits,
        int Exponent,
        int IntegerStart,
        int IntegerLength,
        int FractionStart,
        int FirstSignificant)
    {
        public int CopySignificantDigits(ReadOnlySpan<byte> text, Span<byte> destination)
        {
            for (var n = 0; n < SignificantDigits; n++)
            {
                var k = FirstSignificant + n;
                destination[n] = k < IntegerLength ? text[IntegerStart + k] : text[FractionStart + k - IntegerLength];
            }

            return SignificantDigits;
        }
    }
}

public enum NumberStatus
{
    Ok,
    NotANumber,
    TooManyDigits,
    OutOfRange,
}
