namespace Pipeline.Functions.Tests.Storage;

public sealed class StorageLayoutTests
{
    [Fact]
    public void Keys_ShouldFollowTheBucketLayout()
    {
        var staging = StorageLayout.StagingPrefix("exec-1");

        staging.Should().Be("staging/exec-1/");
        StorageLayout.ChunkKey(staging, StorageLayout.ChunkId(7)).Should().Be("staging/exec-1/chunks/000007.ndjson");
        StorageLayout.ValidChunkKey(staging, "000007").Should().Be("staging/exec-1/valid/000007.ndjson");
        StorageLayout.TransformedChunkKey(staging, "000007").Should().Be("staging/exec-1/transformed/000007.ndjson");
        StorageLayout.InvalidRecordsKey(staging).Should().Be("staging/exec-1/invalid.ndjson");
        StorageLayout.ManifestKey(staging).Should().Be("staging/exec-1/manifest.json");
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
    public void RequireUnderStagingPrefix_ShouldAcceptOnlyKeysOfTheExecution(string key, string stagingPrefix, bool accepted)
    {
        var act = () => StorageLayout.RequireUnderStagingPrefix(key, stagingPrefix);

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
