using System.Text.Json;

namespace Pipeline.Infra.Tests.Compiler;

public class CompilerTests
{
    private const string SecretEmail = "pager-7f3a9c@ops.example.org";

    private static HashSet<string> ResourceTypes(string programJson) =>
        JsonDocument.Parse(programJson).RootElement.GetProperty("resources").EnumerateObject()
            .Select(resource => resource.Value.GetProperty("type").GetString()!).ToHashSet();

    private static Dictionary<string, string> ProdConfig(params (string Key, string Value)[] extra)
    {
        var config = new StackFileConfigSource(RepositoryRoot.Path).Load("prod").ToDictionary(pair => pair.Key, pair => pair.Value.Text!);
        config["pipeline:notificationEmail"] = SecretEmail;
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }

        return new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_PROJECT"] = "pipeline",
            ["PULUMI_CONFIG"] = JsonSerializer.Serialize(config),
        };
    }

    [Fact]
    public void Compile_WhenNoPulumiVariableIsSet_ShouldSucceedWithTheSameResourceTypesAndProviderVersion()
    {
        var result = CompilerProcess.Compile(new Dictionary<string, string>());

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        var program = JsonDocument.Parse(result.Output).RootElement;
        ResourceTypes(result.Output).Should().BeEquivalentTo(ResourceTypes(Stacks.ProgramJson(Stacks.Prod)))
            .And.BeEquivalentTo(ResourceTypes(Stacks.ProgramJson(Stacks.Dev)));
        program.GetProperty("resources").EnumerateObject()
            .Select(resource => resource.Value.GetProperty("options").GetProperty("version").GetString())
            .Distinct().Should().Equal("7.48.0");
    }

    [Fact]
    public void Compile_WhenDeployingProdWithASecret_ShouldPrintOnlyTheProdProgramAndNeverTheSecret()
    {
        var result = CompilerProcess.Compile(ProdConfig());

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Be(Stacks.ProgramJson(Stacks.Prod));
        result.Output.Should().NotContain(SecretEmail);
        result.Error.Should().NotContain(SecretEmail);
    }

    [Fact]
    public void Compile_WhenConfigIsBad_ShouldStopWithAMessageNamingTheKeyAndTheStack()
    {
        var result = CompilerProcess.Compile(ProdConfig(("pipeline:lambdaTimeoutSeconds", "forever")));

        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("Stack 'prod'").And.Contain("'pipeline:lambdaTimeoutSeconds'").And.NotContain(SecretEmail);
    }

    [Fact]
    public void Compile_WhenTheNotificationEmailIsMissing_ShouldStopNamingIt()
    {
        var variables = ProdConfig();
        var config = JsonSerializer.Deserialize<Dictionary<string, string>>(variables["PULUMI_CONFIG"])!;
        config.Remove("pipeline:notificationEmail");
        variables["PULUMI_CONFIG"] = JsonSerializer.Serialize(config);

        var result = CompilerProcess.Compile(variables);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("Stack 'prod': config 'pipeline:notificationEmail' is missing");
    }
}
