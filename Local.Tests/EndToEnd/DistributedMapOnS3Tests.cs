using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3.Model;

namespace Pipeline.Local.Tests.EndToEnd;

/// <summary>A distributed Map whose ItemReader and ResultWriter go through the S3 API to the local S3 server.</summary>
[Collection(LocalServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DistributedMapOnS3Tests(LocalServersFixture aws)
{
    [Fact]
    public async Task ItemsAreReadFromAndResultsWrittenToTheS3Server()
    {
        var stack = await aws.CreateStackAsync();
        var prefix = $"map-{Guid.NewGuid():N}";
        var lines = string.Join('\n', Enumerable.Range(1, 25).Select(i => $$"""{"n":{{i}}}"""));
        await stack.Aws.S3.PutObjectAsync(new PutObjectRequest { BucketName = stack.BucketName, Key = $"{prefix}/items.jsonl", ContentBody = lines, UseChunkEncoding = false });
        var definition = $$"""
            {
              "StartAt": "Each",
              "States": {
                "Each": {
                  "Type": "Map",
                  "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "JSONL" }, "Parameters": { "Bucket": "{{stack.BucketName}}", "Key": "{{prefix}}/items.jsonl" } },
                  "ItemBatcher": { "MaxItemsPerBatch": 10 },
                  "ItemProcessor": {
                    "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" },
                    "StartAt": "Count", "States": { "Count": { "Type": "Pass", "Parameters": { "count.$": "States.ArrayLength($.Items)" }, "End": true } }
                  },
                  "ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "{{stack.BucketName}}", "Prefix": "{{prefix}}/results" } },
                  "End": true
                }
              }
            }
            """;

        var result = await new LocalEngine(new Tasks.TaskRegistry(), new S3ObjectStore(stack.Aws.S3))
            .ExecuteAsync(StateMachine.Parse(definition), new JsonObject(), Asl.Options());

        result.ShouldSucceed();
        result.Children.Should().HaveCount(3);
        var manifestKey = result.Output!["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        var manifest = JsonNode.Parse(await ReadAsync(stack, manifestKey))!;
        var resultsKey = manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>();
        var counts = JsonNode.Parse(await ReadAsync(stack, resultsKey))!.AsArray()
            .Select(entry => JsonNode.Parse(entry!["Output"]!.GetValue<string>())!["count"]!.GetValue<int>());
        counts.Should().BeEquivalentTo([10, 10, 5]);
    }

    private static async Task<string> ReadAsync(LocalStack stack, string key)
    {
        using var response = await stack.Aws.S3.GetObjectAsync(stack.BucketName, key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
