using System.Collections.Concurrent;
using System.IO.Compression;
using Pipeline.Functions.Packaging;

namespace Pipeline.Local.Tests.Lambda;

/// <summary>
/// The local Lambda service with small shell-script runtimes for this machine's architecture: what Lambda does to a
/// process, independent of our runtime (its environment, its timeout, its exit, a package without an entry point).
/// </summary>
public sealed class LocalLambdaTests : IDisposable
{
    private static readonly LocalAccount Account = new("eu-west-1", "AKIDEXAMPLE", "secret", "token");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pipeline-local-lambda-");

    [Fact]
    public async Task Process_ShouldStartInItsTaskRootWithLambdasVariablesAndTheFunctionsOwnOnly()
    {
        var output = new ConcurrentQueue<string>();
        await using var lambda = new LocalLambda(Account, new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:1" }, output.Enqueue);
        lambda.Deploy(Function("printenv", "env; pwd; exit 0", TimeSpan.FromSeconds(5), new() { ["BUCKET_NAME"] = "ingest" }));

        var outcome = await lambda.InvokeAsync("printenv", "{}"u8.ToArray());

        await Task.Delay(200); // the process's output is read as it arrives: let the last lines in after its exit
        var lines = output.ToList();
        var variables = lines.Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('/')).ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);
        variables.Keys.Except(["PWD", "SHLVL", "_"]).Should().BeEquivalentTo(
            [.. LambdaEnvironment.Reserved.Except(["_X_AMZN_TRACE_ID", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY"]), "LANG", "PATH", "LD_LIBRARY_PATH", "TZ", "BUCKET_NAME", "AWS_ENDPOINT_URL_S3"],
            "nothing of the calling process leaks in, and AWS_EXECUTION_ENV is not set for OS-only runtimes");
        variables["_HANDLER"].Should().Be("printenv-handler");
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"].Should().Be("128");
        variables["AWS_REGION"].Should().Be("eu-west-1");
        variables["BUCKET_NAME"].Should().Be("ingest");
        lines.Should().Contain(variables["LAMBDA_TASK_ROOT"], "the working directory is the task root");
        outcome.Error!.ErrorType.Should().Be("Runtime.ExitError", "the script exits without answering");
    }

    [Fact]
    public async Task Invocation_WhenTheRuntimeNeverAnswers_ShouldTimeOutAsSandboxTimedoutAndStopTheProcess()
    {
        await using var lambda = new LocalLambda(Account, new Dictionary<string, string>());
        lambda.Deploy(Function("silent", "sleep 60", TimeSpan.FromSeconds(1)));

        var outcome = await lambda.InvokeAsync("silent", "{}"u8.ToArray()).WaitAsync(TimeSpan.FromSeconds(10));

        outcome.Error!.ErrorType.Should().Be("Sandbox.Timedout");
        outcome.Error.ErrorMessage.Should().Contain("Task timed out after 1.00 seconds");
    }

    [Fact]
    public async Task Invocation_WhenTheRuntimeExits_ShouldFailAsRuntimeExitErrorWithTheStatus()
    {
        await using var lambda = new LocalLambda(Account, new Dictionary<string, string>());
        lambda.Deploy(Function("crashing", "exit 3", TimeSpan.FromSeconds(5)));

        var outcome = await lambda.InvokeAsync("crashing", "{}"u8.ToArray());

        outcome.Error!.ErrorType.Should().Be("Runtime.ExitError");
        outcome.Error.ErrorMessage.Should().EndWith("exit status 3");
    }

    [Fact]
    public async Task Invocation_WhenTheBootstrapIsNotExecutable_ShouldFailAsRuntimeInvalidEntrypoint()
    {
        await using var lambda = new LocalLambda(Account, new Dictionary<string, string>());
        var function = Function("unexecutable", "exit 0", TimeSpan.FromSeconds(5));
        using (var zip = ZipFile.Open(function.Package, ZipArchiveMode.Update))
        {
            zip.GetEntry(FunctionArchive.EntryPoint)!.ExternalAttributes = FunctionArchive.ExternalAttributes(FunctionArchive.ReadableMode);
        }

        lambda.Deploy(function);

        var act = () => lambda.InvokeAsync("unexecutable", "{}"u8.ToArray());

        (await act.Should().ThrowAsync<InvocationException>()).Which.Error.ErrorType.Should().Be("Runtime.InvalidEntrypoint");
    }

    [Fact]
    public void Deploy_WhenTheFunctionSetsAReservedVariable_ShouldRefuseToStartIt()
    {
        var function = Function("reserved", "exit 0", TimeSpan.FromSeconds(5), new() { ["AWS_REGION"] = "us-west-2" });

        var act = () => LambdaEnvironment.For(function, "127.0.0.1:1", folder.FullName, Account, new Dictionary<string, string>());

        act.Should().Throw<ArgumentException>().WithMessage("*AWS_REGION are reserved by Lambda*");
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>A package whose bootstrap is a shell script, built by the same archive writer as the functions' package.</summary>
    private FunctionConfiguration Function(string name, string script, TimeSpan timeout, Dictionary<string, string>? variables = null)
    {
        var publish = Directory.CreateDirectory(Path.Combine(folder.FullName, name, "publish"));
        File.WriteAllText(Path.Combine(publish.FullName, "runtime"), $"#!/bin/sh\n{script}\n");
        var package = Path.Combine(folder.FullName, name, "function.zip");
        FunctionArchive.Write(publish.FullName, "runtime", package);
        return new FunctionConfiguration(name, $"{name}-handler", FunctionPackage.HostArchitecture()!, 128, timeout, variables ?? [], package);
    }
}
