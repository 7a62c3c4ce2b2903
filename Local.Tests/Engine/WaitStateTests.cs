namespace Pipeline.Local.Tests.Engine;

public class WaitStateTests
{
    [Theory]
    [InlineData("\"Seconds\": 90", 90)]
    [InlineData("\"SecondsPath\": \"$.delay\"", 45)]
    [InlineData("\"Timestamp\": \"2024-01-01T00:10:00Z\"", 600)]
    [InlineData("\"TimestampPath\": \"$.until\"", 3600)]
    [InlineData("\"TimestampPath\": \"$.past\"", 0)]
    public async Task Wait_ShouldAdvanceTheVirtualClockWithoutSleeping(string field, double expectedSeconds)
    {
        var definition = """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", <<0>>, "Next": "Done"}, "Done": {"Type": "Succeed"}}}
            """.Replace("<<0>>", field, StringComparison.Ordinal);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await Asl.RunAsync(definition, """{"delay": 45, "until": "2024-01-01T01:00:00Z", "past": "2023-01-01T00:00:00Z"}""");

        result.ShouldSucceed();
        result.Events(HistoryEventType.WaitStateExited).Single().SecondsAfterStart().Should().Be(expectedSeconds);
        result.Output.ShouldBeJson("""{"delay": 45, "until": "2024-01-01T01:00:00Z", "past": "2023-01-01T00:00:00Z"}""");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
