namespace Pipeline.Functions.Tests;

public sealed class StorageLayoutTests
{
    [Fact]
    public void Keys_ShouldFollowTheBucketLayout()
    {
        var work = StorageLayout.WorkPrefix("exec-1");

        work.Should().Be("staging/exec-1/");
        StorageLayout.ChunkKey(work, StorageLayout.ChunkId(7)).Should().Be("staging/exec-1/chunks/000007.ndjson");
        StorageLayout.ValidChunkKey(work, "000007").Should().Be("staging/exec-1/valid/000007.ndjson");
        StorageLayout.TransformedChunkKey(work, "000007").Should().Be("staging/exec-1/transformed/000007.ndjson");
        StorageLayout.InvalidRecordsKey(work).Should().Be("staging/exec-1/invalid.ndjson");
        StorageLayout.ManifestKey(work).Should().Be("staging/exec-1/manifest.json");
        StorageLayout.ChunkIdOf("staging/exec-1/transformed/000007.ndjson").Should().Be("000007");
    }

    [Fact]
    public void QuarantineKey_ShouldBeNamedAfterTheSourceObjectAndVersion()
    {
        StorageLayout.QuarantineKey(new SourceObject("b", "incoming/2025/a.csv", "\"e1\"")).Should().Be("quarantine/2025/a.csv.e1.ndjson");
        StorageLayout.QuarantineKey(new SourceObject("b", "other/a.csv", "e1")).Should().Be("quarantine/other/a.csv.e1.ndjson");
    }

    [Theory]
    [InlineData("staging/e/chunks/000001.ndjson", "staging/e/", true)]
    [InlineData("staging/other/chunks/000001.ndjson", "staging/e/", false)]
    [InlineData("incoming/a.json", "incoming/", false)]
    public void RequireUnderWorkPrefix_ShouldAcceptOnlyKeysOfTheExecution(string key, string workPrefix, bool accepted)
    {
        var act = () => StorageLayout.RequireUnderWorkPrefix(key, workPrefix);

        if (accepted)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<ArgumentException>();
        }
    }
}
