using System.Security.Cryptography;
using Amazon.S3.Model;

namespace Pipeline.Functions.Tests.Integration;

/// <summary>
/// S3 is strongly read-after-write consistent: a GET issued after a PUT returned reads the whole new object. The
/// handlers and the local runner rely on it (Validate writes what Quarantine reads, Quarantine writes what the runner
/// copies out), so the emulator the tests run against must keep it too.
/// </summary>
[Collection(LocalAwsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3EmulatorConsistencyTests(LocalAwsFixture aws)
{
    [Fact]
    public async Task GetObject_RightAfterEachOverwrite_ShouldReadTheWholeObjectJustWritten()
    {
        // Eight writers at once keep the server's file-system threads busy, which is when an early acknowledgement shows.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => OverwriteAndReadAsync($"consistency/writer-{writer}.bin", rounds: 60)));
    }

    private async Task OverwriteAndReadAsync(string key, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            // A size that differs each round: a read that overlapped the write comes back short or mixed.
            var body = RandomNumberGenerator.GetBytes(1_000 + (round * 7_919 % 600_000));
            await aws.S3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = LocalAwsFixture.BucketName,
                Key = key,
                InputStream = new MemoryStream(body, writable: false),
                UseChunkEncoding = false,
            });

            using var response = await aws.S3.GetObjectAsync(LocalAwsFixture.BucketName, key);
            using var read = new MemoryStream();
            await response.ResponseStream.CopyToAsync(read);
            read.ToArray().AsSpan().SequenceEqual(body).Should().BeTrue($"round {round} of {key} reads the {body.Length} bytes it wrote, not {read.Length}");
        }
    }
}
