using System.Text;

namespace Pipeline.Functions.Tests.Records;

public sealed class DynamoNumberTests
{
    [Theory]
    [InlineData("20", 1, "200")]
    [InlineData("30", 1, "300")]
    [InlineData("2.5", 1, "25")]
    [InlineData("-3.14", 1, "-31.4")]
    [InlineData("0.05", 1, "0.5")]
    [InlineData("0", 1, "0")]
    [InlineData("-0.0", 1, "0")]
    [InlineData("1e3", 1, "10000")]
    [InlineData("2.50E-2", 1, "0.25")]
    [InlineData("123456789012345678901234567890", 1, "1234567890123456789012345678900")]
    [InlineData("12345678901234567890123456789012345678", 1, "123456789012345678901234567890123456780")]
    [InlineData("1e124", 1, "1E+125")]
    [InlineData("-1.5e-100", 1, "-1.5E-99")]
    [InlineData("0.00000001", 1, "0.0000001")]
    [InlineData("20.000", 0, "20")]
    public void Format_WhenNumberFits_ShouldWriteExactCanonicalProduct(string number, int powersOfTen, string expected)
    {
        Span<byte> destination = stackalloc byte[DynamoNumber.MaxFormattedLength];
        var written = DynamoNumber.Format(Encoding.UTF8.GetBytes(number), powersOfTen, destination);

        Encoding.UTF8.GetString(destination[..written]).Should().Be(expected);
    }

    [Theory]
    [InlineData("1", 0, NumberStatus.Ok)]
    [InlineData("9.9999999999999999999999999999999999999E+125", 0, NumberStatus.Ok)]
    [InlineData("9.9999999999999999999999999999999999999E+125", 1, NumberStatus.OutOfRange)]
    [InlineData("1E-130", 0, NumberStatus.Ok)]
    [InlineData("1E-131", 0, NumberStatus.OutOfRange)]
    [InlineData("1e400", 0, NumberStatus.OutOfRange)]
    [InlineData("1e99999999999999999999", 0, NumberStatus.OutOfRange)]
    [InlineData("0e99999999999999999999", 0, NumberStatus.Ok)]
    [InlineData("123456789012345678901234567890123456789", 0, NumberStatus.TooManyDigits)]
    [InlineData("1000000000000000000000000000000000000000000", 0, NumberStatus.Ok)]
    [InlineData("NaN", 0, NumberStatus.NotANumber)]
    [InlineData("Infinity", 0, NumberStatus.NotANumber)]
    [InlineData("+1", 0, NumberStatus.NotANumber)]
    [InlineData("01", 0, NumberStatus.NotANumber)]
    [InlineData("1.", 0, NumberStatus.NotANumber)]
    [InlineData(".5", 0, NumberStatus.NotANumber)]
    [InlineData("1e", 0, NumberStatus.NotANumber)]
    [InlineData(" 1", 0, NumberStatus.NotANumber)]
    [InlineData("", 0, NumberStatus.NotANumber)]
    public void Check_ShouldApplyJsonGrammarAndDynamoDbLimits(string number, int powersOfTen, NumberStatus expected)
    {
        DynamoNumber.Check(Encoding.UTF8.GetBytes(number), powersOfTen).Should().Be(expected);
    }

    [Fact]
    public void Format_WhenNumberDoesNotFit_ShouldThrow()
    {
        var act = () => DynamoNumber.Format("1e400"u8.ToArray(), 0, new byte[DynamoNumber.MaxFormattedLength]);

        act.Should().Throw<ArgumentException>();
    }
}
