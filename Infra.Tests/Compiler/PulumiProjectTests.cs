using YamlDotNet.RepresentationModel;

namespace Pipeline.Infra.Tests.Compiler;

public class PulumiProjectTests
{
    private static YamlMappingNode Project()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepoPath.Of("Pulumi.yaml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string CompilerScript() => File.ReadAllText(RepoPath.Of("Infra", "compile.sh"));

    [Fact]
    public void ProjectUsesTheYamlRuntimeWithTheCompiler()
    {
        var project = Project();
        var runtime = (YamlMappingNode)project["runtime"];

        project["name"].ToString().Should().Be("pipeline");
        runtime["name"].ToString().Should().Be("yaml");
        runtime["options"]["compiler"].ToString().Should().Be("sh Infra/compile.sh");
        CompilerScript().Should().EndWith("exec Infra/bin/compiler/Infra compile\n");
    }

    [Fact]
    public void CompilerPublishesItselfThenBuildsTheFunctionsPackageBeforeCompilingWithBuildOutputOnStderr()
    {
        var steps = CompilerScript().Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("dotnet ", StringComparison.Ordinal) || line.StartsWith("Infra/bin/compiler/", StringComparison.Ordinal)
                || line.StartsWith("exec ", StringComparison.Ordinal))
            .ToList();

        steps.Should().HaveCount(3);
        steps[0].Should().Contain("dotnet publish Infra/Infra.csproj").And.Contain("-p:PublishAot=true").And.Contain("-o Infra/bin/compiler").And.EndWith("1>&2");
        steps[1].Should().Be("Infra/bin/compiler/Infra package > /dev/null");
        steps[2].Should().Be("exec Infra/bin/compiler/Infra compile");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryStackHasASettingsFile(string stack) =>
        File.Exists(RepoPath.Of($"Pulumi.{stack}.yaml")).Should().BeTrue();
}
