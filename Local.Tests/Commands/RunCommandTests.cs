using System.Text.Json.Nodes;
using Pipeline.Local.Tests.EndToEnd;

namespace Pipeline.Local.Tests.Commands;

[Trait("Category", "Integration")]
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_WhenGivenTheOriginalExampleWithJson_ShouldPrintOneSummaryAndExitZero()
    {
        var (exitCode, stdout, stderr) = await LocalCommandRunner.RunAsync("run", LocalServersFixture.Sample("original.json"), "--json");

        exitCode.Should().Be(0, stderr);
        var summary = JsonNode.Parse(stdout)!.AsObject();
        summary["status"]!.GetValue<string>().Should().Be("Succeeded");
        summary["variant"]!.GetValue<string>().Should().Be("Express", "a 63-byte file is under the Express routing threshold");
        (summary["recordsIn"]!.GetValue<long>(), summary["valid"]!.GetValue<long>(), summary["invalid"]!.GetValue<long>(), summary["stored"]!.GetValue<long>())
            .Should().Be((3, 2, 1, 2));
        summary["quarantineKey"]!.GetValue<string>().Should().StartWith("quarantine/original.json.");
        File.Exists(summary["quarantineCopy"]!.GetValue<string>()).Should().BeTrue();
        summary["stateTransitions"]!.GetValue<int>().Should().Be(10);
        summary["estimatedCost"]!["standard"]!.GetValue<decimal>().Should().BePositive();
        summary["estimatedCost"]!["express"]!.GetValue<decimal>().Should().BePositive();
    }

    [Fact]
    public async Task Run_WhenTheFileDoesNotExist_ShouldSayWhichAndExitTwo()
    {
        var (exitCode, _, stderr) = await LocalCommandRunner.RunAsync("run", "no-such-file.json");

        exitCode.Should().Be(2);
        stderr.Should().Contain("no-such-file.json");
    }
}
