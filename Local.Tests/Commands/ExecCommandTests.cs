using System.CommandLine;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Commands;

public sealed class ExecCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("exec-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = LocalCli.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Exec_WhenExecutionSucceeds_ShouldPrintTheOutputAndExitZero()
    {
        var definition = Write("m.json", """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hi {}', $.name)"}, "End": true}}}
            """);

        var (exitCode, stdout, stderr) = Run("exec", definition, "--input", """{"name": "Ann"}""");

        exitCode.Should().Be(0);
        JsonNode.Parse(stdout).ShouldBeJson("""{"greeting": "hi Ann"}""");
        stderr.Should().Contain("Succeeded").And.Contain("1 state transitions").And.Contain("as Express");
    }

    [Fact]
    public void Exec_WhenExecutionFails_ShouldPrintErrorAndCauseAndExitOne()
    {
        var definition = Write("f.json", """{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Nope", "Cause": "because"}}}""");

        var (exitCode, stdout, _) = Run("exec", definition);

        exitCode.Should().Be(1);
        JsonNode.Parse(stdout).ShouldBeJson("""{"error": "Nope", "cause": "because"}""");
    }

    [Fact]
    public void Exec_WithHistory_ShouldPrintTheEventsAfterTheOutput()
    {
        var definition = Write("w.json", """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}""");
        var input = Write("input.json", """{"k": 1}""");

        var (exitCode, stdout, _) = Run("exec", definition, "--input", "@" + input, "--history");

        exitCode.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        JsonNode.Parse(lines[0]).ShouldBeJson("""{"k": 1}""");
        var events = JsonNode.Parse(lines[1])!["events"]!.AsArray();
        events.Select(e => e!["type"]!.GetValue<string>()).Should().Equal(
            "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded");
        var times = events.Select(e => DateTimeOffset.Parse(e!["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        (times[2] - times[1]).Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Exec_WhenTheWorkflowPublishesToSns_ShouldPrintTheOutboxOnStderr()
    {
        var definition = Write("sns.json", """
            {"StartAt": "N", "States": {"N": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:NotificationTopic", "Message": "done"}, "End": true}}}
            """);

        var (exitCode, stdout, stderr) = Run("exec", definition);

        exitCode.Should().Be(0);
        JsonNode.Parse(stdout)!["MessageId"].Should().NotBeNull();
        stderr.Should().Contain("sns:publish arn:aws:sns:us-east-1:123456789012:NotificationTopic: done");
    }

    [Fact]
    public void Exec_WhenATaskCallsAnUnknownLambdaFunction_ShouldFailNamingThePipelineFunctions()
    {
        var definition = Write("l.json", """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:LoadBatch", "End": true}}}
            """);

        var (exitCode, stdout, stderr) = Run("exec", definition);

        exitCode.Should().Be(1);
        var error = JsonNode.Parse(stdout)!;
        error["error"]!.GetValue<string>().Should().Be("States.Runtime");
        error["cause"]!.GetValue<string>().Should().Contain("'T'").And.Contain("LoadBatch").And.Contain("pipeline-local-load-batch");
        stderr.Should().NotContain("Starting DynamoDB Local", "the servers start only for the pipeline's own functions");
    }

    [Fact]
    public void Exec_WhenTheDefinitionIsInvalid_ShouldReportItOnStderrAndExitTwo()
    {
        var definition = Write("bad.json", """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}""");

        var (exitCode, stdout, stderr) = Run("exec", definition);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("'A'").And.Contain("'B'");
    }

    [Fact]
    public void Exec_WithExpressVariant_ShouldApplyTheFiveMinuteLimit()
    {
        var definition = Write("long.json", """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 301, "End": true}}}""");

        var (exitCode, stdout, _) = Run("exec", definition, "--variant", "express");

        exitCode.Should().Be(1);
        JsonNode.Parse(stdout)!["error"]!.GetValue<string>().Should().Be("States.Timeout");
    }
}
