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
        summary["stateTransitions"]!.GetValue<int>().Should().Be(11, "RouteBySize, then the ten states of the pipeline");
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

    [Theory]
    [InlineData("run --variant sideways samples/original.json", "Argument 'sideways' not recognized")]
    [InlineData("runn samples/original.json", "Unrecognized command or argument 'runn'")]
    public async Task UsageError_ShouldExitTwo_NotOneWhichMeansAFailedExecution(string arguments, string message)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Local.dll"));
        foreach (var argument in arguments.Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(Local.Commands.ExitCodes.CouldNotRun, stderr);
        stderr.Should().Contain(message).And.Contain("See --help");
    }
}
