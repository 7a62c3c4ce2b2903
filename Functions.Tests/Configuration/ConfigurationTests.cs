namespace Pipeline.Functions.Tests.Configuration;

public sealed class ConfigurationTests
{
    [Fact]
    public void LoadBatchSettings_WhenOptionalVariablesAreAbsent_ShouldUseDefaults()
    {
        var settings = LoadBatchSettings.FromEnvironment(Reader(("BUCKET_NAME", "b")));

        settings.Should().Be(new LoadBatchSettings("b", 1000, 256L * 1024 * 1024));
    }

    [Theory]
    [InlineData("CHUNK_SIZE", "abc", "CHUNK_SIZE: 'abc' is not a whole number")]
    [InlineData("CHUNK_SIZE", "0", "CHUNK_SIZE: 0 is outside 1..100000")]
    [InlineData("CHUNK_SIZE", "-5", "CHUNK_SIZE: '-5' is not a whole number")]
    [InlineData("MAX_OBJECT_BYTES", "1e6", "MAX_OBJECT_BYTES: '1e6' is not a whole number")]
    [InlineData("MAX_OBJECT_BYTES", "5368709121", "MAX_OBJECT_BYTES: 5368709121 is outside 1..5368709120")]
    [InlineData("MAX_RECORD_BYTES", "1023", "MAX_RECORD_BYTES: 1023 is outside 1024..268435456")]
    [InlineData("MAX_RECORD_BYTES", "268435457", "MAX_RECORD_BYTES: 268435457 is outside 1024..268435456")]
    public void LoadBatchSettings_WhenAVariableIsBad_ShouldFailNamingIt(string variable, string value, string message)
    {
        var act = () => LoadBatchSettings.FromEnvironment(Reader(("BUCKET_NAME", "b"), (variable, value)));

        act.Should().Throw<InvalidConfiguration>().WithMessage($"environment variable {message}").Which.Variable.Should().Be(variable);
    }

    [Fact]
    public void LoadBatchSettings_ShouldTakeFilesUpToFiveGibibytesAndTheRecordLimit()
    {
        var settings = LoadBatchSettings.FromEnvironment(Reader(("BUCKET_NAME", "b"), ("MAX_OBJECT_BYTES", "5368709120"), ("MAX_RECORD_BYTES", "1048576")));

        settings.MaxObjectBytes.Should().Be(5L * 1024 * 1024 * 1024);
        settings.ReaderOptions.Should().Be(new RecordReaderOptions(1000, 1024 * 1024));
    }

    [Fact]
    public void StoreSettings_ShouldReadTableAndBackoffBounds()
    {
        var settings = StoreSettings.FromEnvironment(Reader(
            ("BUCKET_NAME", "b"), ("TABLE_NAME", "t"), ("STORE_MAX_ATTEMPTS", "3"), ("STORE_BASE_DELAY_MS", "10"), ("STORE_MAX_DELAY_MS", "80")));

        settings.Should().Be(new StoreSettings("b", "t", 3, 10, 80));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void StoreSettings_WhenTableNameIsNotSet_ShouldFailNamingIt(string? value)
    {
        var act = () => StoreSettings.FromEnvironment(Reader(("BUCKET_NAME", "b"), ("TABLE_NAME", value)));

        act.Should().Throw<InvalidConfiguration>().WithMessage("environment variable TABLE_NAME: is required but not set");
    }

    private static EnvironmentReader Reader(params (string Name, string? Value)[] values) =>
        new(name => values.Where(v => v.Name == name).Select(v => v.Value).LastOrDefault());
}
