namespace Pipeline.Infra.Tests;

public class AslCommandTests
{
    private static string Golden(string variant) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Workflows.Tests", "Golden", $"{variant}.asl.json"));

    [Theory]
    [InlineData("standard")]
    [InlineData("express")]
    public void Asl_ShouldPrintTheGoldenAslOfTheVariant(string variant)
    {
        var (exitCode, output, error) = CommandRunner.Run("asl", "--variant", variant);

        exitCode.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().Be(Golden(variant));
    }

    [Fact]
    public void Asl_WhenStackIsProd_ShouldUseTheProdExampleNames()
    {
        var (exitCode, output, _) = CommandRunner.Run("asl", "--variant", "standard", "--stack", "prod");

        exitCode.Should().Be(0);
        output.Should().Contain("arn:aws:lambda:us-east-1:123456789012:function:pipeline-prod-store")
            .And.Contain("arn:aws:sns:us-east-1:123456789012:pipeline-prod-notifications")
            .And.NotContain("pipeline-dev-");
        output.Should().Be(Golden("standard").Replace("pipeline-dev-", "pipeline-prod-", StringComparison.Ordinal));
    }

    [Fact]
    public void Asl_WhenTheDefinitionIsInvalid_ShouldExitOneWithTheValidatorMessagesOnStderr()
    {
        var (exitCode, output, error) = CommandRunner.Run("asl", "--variant", "express", "--execution-timeout", "600", "--max-concurrency", "-1");

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("State machine: TimeoutSeconds 600 exceeds the Express limit of 300 s")
            .And.Contain("ProcessChunks: MaxConcurrency must be >= 0 (is -1)");
    }

    [Fact]
    public void Asl_WhenTheTimeoutOnlyBreaksExpressLimits_ShouldRenderForStandard()
    {
        var (exitCode, output, error) = CommandRunner.Run("asl", "--variant", "standard", "--execution-timeout", "600");

        exitCode.Should().Be(0, error);
        output.Should().Contain("\"TimeoutSeconds\": 600");
    }

    [Theory]
    [InlineData("asl")]
    [InlineData("asl", "--variant", "sideways")]
    [InlineData("asl", "--variant", "standard", "--stack", "staging")]
    public void Asl_WhenOptionsAreMissingOrUnknown_ShouldFailWithoutOutput(params string[] args)
    {
        var (exitCode, output, error) = CommandRunner.Run(args);

        exitCode.Should().NotBe(0);
        output.Should().NotContain("StartAt");
        error.Should().NotBeEmpty();
    }
}
