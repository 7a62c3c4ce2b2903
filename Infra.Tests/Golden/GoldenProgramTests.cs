namespace Pipeline.Infra.Tests.Golden;

/// <summary>
/// The synthesized programs, checked in so every change to what is deployed shows in review.
/// Run with UPDATE_GOLDEN=1 to rewrite them after an intended change.
/// </summary>
public class GoldenProgramTests
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void SynthesizedProgramMatchesTheGoldenFile(string stackName)
    {
        var path = RepoPath.Of("Infra.Tests", "Golden", $"{stackName}.program.json");
        var actual = Stacks.ProgramJson(Stacks.Named(stackName));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        actual.Should().Be(File.ReadAllText(path));
    }
}
