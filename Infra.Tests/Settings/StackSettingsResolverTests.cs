using Moq;

namespace Pipeline.Infra.Tests.Settings;

public class StackSettingsResolverTests
{
    private const string Secret = "ops-team@example.org";

    private static StackSettingsResolver ResolverOver(Dictionary<string, ConfigValue> values)
    {
        var source = new Mock<IConfigSource>();
        source.Setup(candidate => candidate.Load(It.IsAny<string>())).Returns(values);
        source.SetupGet(candidate => candidate.Description).Returns("test config");
        return new StackSettingsResolver(source.Object);
    }

    [Fact]
    public void Resolve_WhenNoConfigIsSet_ShouldUseTheStacksDefaults() =>
        ResolverOver([]).Resolve("prod", requireSecrets: false).Should().Be(StackDefaults.For("prod"));

    [Fact]
    public void Resolve_WhenKeysAreSet_ShouldOverrideTheDefaultsAndIgnoreOtherNamespaces()
    {
        var settings = ResolverOver(new()
        {
            ["pipeline:lambdaMemoryMb"] = new("2048"),
            ["pipeline:tableDeletionProtection"] = new("true"),
            ["aws:region"] = new("eu-west-1"),
        }).Resolve("dev", requireSecrets: false);

        settings.Should().Be(StackDefaults.For("dev") with { LambdaMemoryMb = 2048, TableDeletionProtection = true });
    }

    [Theory]
    [InlineData("pipeline:lambdaMemoryMb", "lots", "'pipeline:lambdaMemoryMb' must be an integer")]
    [InlineData("pipeline:lambdaMemoryMb", "64", "'pipeline:lambdaMemoryMb' must be between 128 and 10240")]
    [InlineData("pipeline:logRetentionDays", "10", "'pipeline:logRetentionDays' must be one of 1, 3, 5, 7, 14")]
    [InlineData("pipeline:alarmsEnabled", "sometimes", "'pipeline:alarmsEnabled' must be true or false")]
    [InlineData("pipeline:lambdaMemroyMb", "512", "config key 'pipeline:lambdaMemroyMb' (from test config) is not known")]
    public void Resolve_WhenConfigIsBad_ShouldStopNamingTheKeyAndTheStack(string key, string value, string message)
    {
        var act = () => ResolverOver(new() { [key] = new(value) }).Resolve("prod", requireSecrets: false);

        act.Should().Throw<ConfigException>().Which.Message.Should().StartWith("Stack 'prod':").And.Contain(message);
    }

    [Fact]
    public void Resolve_WhenDeployingWithoutTheNotificationEmail_ShouldStopNamingTheKeyAndTheStack()
    {
        var act = () => ResolverOver([]).Resolve("dev", requireSecrets: true);

        act.Should().Throw<ConfigException>().WithMessage("Stack 'dev': config 'pipeline:notificationEmail' is missing*--secret*");
    }

    [Fact]
    public void Resolve_WhenTheSecretIsMalformed_ShouldNotPrintIt()
    {
        const string leaked = "not-an-address-but-secret";
        var act = () => ResolverOver(new() { ["pipeline:notificationEmail"] = new(leaked, IsSecret: true) }).Resolve("prod", requireSecrets: true);

        act.Should().Throw<ConfigException>().Which.Message.Should().Contain("pipeline:notificationEmail").And.NotContain(leaked);
    }

    [Fact]
    public void Resolve_WhenTheSecretIsSet_ShouldAcceptItWithoutKeepingIt()
    {
        var settings = ResolverOver(new() { ["pipeline:notificationEmail"] = new(Secret, IsSecret: true) }).Resolve("prod", requireSecrets: true);

        settings.ToString().Should().NotContain(Secret);
    }

    [Fact]
    public void Resolve_WhenTheStackIsUnknown_ShouldNameIt()
    {
        var act = () => ResolverOver([]).Resolve("staging", requireSecrets: false);

        act.Should().Throw<ConfigException>().WithMessage("Stack 'staging' is not known*dev and prod*");
    }

    [Fact]
    public void StackFile_WhenItHoldsSecureValues_ShouldReadThemAsSecretsWithoutText()
    {
        var root = Directory.CreateTempSubdirectory("pipeline-config-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "Pulumi.dev.yaml"), """
                config:
                  aws:region: eu-west-1
                  pipeline:lambdaMemoryMb: "768"
                  pipeline:notificationEmail:
                    secure: AAABAMbc1234==
                """);

            var values = new StackFileConfigSource(root).Load("dev");

            values["pipeline:lambdaMemoryMb"].Should().Be(new ConfigValue("768"));
            values["pipeline:notificationEmail"].Should().Be(new ConfigValue(null, IsSecret: true));
            new StackSettingsResolver(new StackFileConfigSource(root)).Resolve("dev", requireSecrets: false).LambdaMemoryMb.Should().Be(768);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void EnvironmentConfig_WhenItIsNotJson_ShouldNotEchoIt()
    {
        var act = () => new EnvironmentConfigSource("{\"pipeline:notificationEmail\": \"" + Secret).Load("prod");

        act.Should().Throw<ConfigException>().Which.Message.Should().Contain("PULUMI_CONFIG").And.NotContain(Secret);
    }
}
