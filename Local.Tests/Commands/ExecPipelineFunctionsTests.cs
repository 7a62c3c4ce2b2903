using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Commands;

[Trait("Category", "Integration")]
public sealed class ExecPipelineFunctionsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("exec-pipeline-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Exec_WhenADefinitionCallsPipelineFunctions_ShouldRunTheRealHandlersAgainstTheLocalServers()
    {
        // Quarantine with nothing invalid succeeds; LoadBatch of a missing object asks the S3 server and fails naming the key.
        var definition = Path.Combine(folder.FullName, "pipeline-calls.json");
        await File.WriteAllTextAsync(definition, """
            {
              "StartAt": "Quarantine",
              "States": {
                "Quarantine": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:pipeline-local-quarantine", "Payload": {"source.$": "$.source", "invalidKey": null}},
                  "ResultSelector": {"quarantined.$": "$.Payload.quarantined"},
                  "ResultPath": "$.quarantine",
                  "Next": "Load"
                },
                "Load": {
                  "Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:pipeline-local-load-batch",
                  "Parameters": {"bucket.$": "$.source.bucket", "key.$": "$.source.key", "executionName": "exec-test"},
                  "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.loadError", "Next": "Done"}],
                  "Next": "Done"
                },
                "Done": {"Type": "Succeed"}
              }
            }
            """);

        var (exitCode, stdout, stderr) = await LocalCommandRunner.RunAsync(
            "exec", definition, "--input", """{"source": {"bucket": "pipeline-local-ingest", "key": "incoming/missing.json", "etag": "0123"}}""");

        exitCode.Should().Be(0, stderr);
        stderr.Should().Contain("Starting DynamoDB Local and the S3 server for pipeline-local-quarantine");
        var output = JsonNode.Parse(stdout)!;
        output["quarantine"]!["quarantined"]!.GetValue<int>().Should().Be(0);
        output["loadError"]!["Error"]!.GetValue<string>().Should().Be("InvalidInput");
        output["loadError"]!["Cause"]!.GetValue<string>().Should().Contain("no readable object under the key 'incoming/missing.json'");
    }
}
