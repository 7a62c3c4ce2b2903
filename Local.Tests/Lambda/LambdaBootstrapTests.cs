using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Runtime;

namespace Pipeline.Local.Tests.Lambda;

/// <summary>
/// The functions' runtime (the loop the <c>bootstrap</c> executable runs) in this process, against the local Runtime API
/// server over HTTP: responses, named errors with their header, the deadline, the trace header, request ids in the logs
/// and initialization errors.
/// </summary>
[Collection(nameof(LambdaBootstrapTests))]
public sealed class LambdaBootstrapTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:pipeline-local-quarantine";
    private const string Trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    private static readonly byte[] NothingToQuarantine =
        """{"source":{"bucket":"bucket","key":"incoming/a.csv","etag":"e"},"invalidKey":null}"""u8.ToArray();

    private static readonly byte[] LoadRequest = """{"bucket":"bucket","key":"incoming/a.csv","executionName":"e"}"""u8.ToArray();

    [Fact]
    public async Task Invocation_ShouldPostTheHandlersResultAsTheResponse()
    {
        await using var runtime = Runtime.Start(FunctionIds.Quarantine);

        var answer = await runtime.InvokeAsync(NothingToQuarantine, TimeSpan.FromSeconds(30));

        answer.Error.Should().BeNull();
        Encoding.UTF8.GetString(answer.Response!).Should().Be("""{"quarantined":0,"quarantineKey":null,"stored":0,"rejected":0,"alreadyStored":0,"chunkCount":0}""");
    }

    [Fact]
    public async Task Invocation_WhenThePayloadIsNotTheRequest_ShouldPostInvalidPayloadAsErrorTypeAndHeader_AndLogTheRequestId()
    {
        await using var runtime = Runtime.Start(FunctionIds.Quarantine);

        var answer = await runtime.InvokeAsync("[1,2]"u8.ToArray(), TimeSpan.FromSeconds(30));

        answer.Error!.ErrorType.Should().Be(nameof(InvalidPayload));
        answer.ErrorTypeHeader.Should().Be(nameof(InvalidPayload));
        JsonNode.Parse(answer.ErrorDocument!)!["errorType"]!.GetValue<string>().Should().Be(nameof(InvalidPayload));
        answer.Error.ErrorMessage.Should().Contain("QuarantineRequest");
        runtime.LogLines.Should().ContainSingle(line => line.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal))
            .Which.Should().Contain($"\"requestId\":\"{runtime.LastRequestId}\"").And.Contain("\"errorType\":\"InvalidPayload\"");
    }

    [Fact]
    public async Task Invocation_ShouldRunWithTheTraceHeaderAsXAmznTraceId()
    {
        await using var runtime = Runtime.Start(FunctionIds.Quarantine);

        await runtime.InvokeAsync(NothingToQuarantine, TimeSpan.FromSeconds(30));

        Environment.GetEnvironmentVariable(LambdaBootstrap.TraceIdVariable).Should().Be(Trace);
    }

    [Fact]
    public async Task Invocation_NearItsDeadline_ShouldBeCancelledAndReportedAsFunctionTimeout_NotKilled()
    {
        var cancelled = new TaskCompletionSource<DateTimeOffset>();
        var s3 = new Mock<IAmazonS3>();
        s3.Setup(client => client.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (GetObjectRequest _, CancellationToken token) =>
            {
                using var registration = token.Register(() => cancelled.TrySetResult(DateTimeOffset.UtcNow));
                await Task.Delay(Timeout.Infinite, token);
                return new GetObjectResponse();
            });
        await using var runtime = Runtime.Start(FunctionIds.LoadBatch, s3.Object);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(1.5);

        var answer = await runtime.InvokeAsync(LoadRequest, deadline);

        answer.Error!.ErrorType.Should().Be(nameof(FunctionTimeout));
        answer.Error.ErrorMessage.Should().Contain("LoadBatch was stopped 500 ms before its deadline");
        (await cancelled.Task).Should().BeOnOrAfter(deadline - LambdaBootstrap.StopMargin - TimeSpan.FromMilliseconds(20), "the handler runs until the margin before its deadline (sent in whole milliseconds)");
        runtime.IsRunning.Should().BeTrue("a handler that stops when cancelled leaves the runtime ready for the next event");
    }

    [Fact]
    public async Task Invocation_WhenTheHandlerIgnoresCancellation_ShouldReportFunctionTimeoutAndEndTheProcess()
    {
        var s3 = new Mock<IAmazonS3>();
        s3.Setup(client => client.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (GetObjectRequest _, CancellationToken _) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
                return new GetObjectResponse();
            });
        await using var runtime = Runtime.Start(FunctionIds.LoadBatch, s3.Object);

        var answer = await runtime.InvokeAsync(LoadRequest, DateTimeOffset.UtcNow.AddSeconds(1));

        answer.Error!.ErrorType.Should().Be(nameof(FunctionTimeout));
        (await runtime.ExitCode.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(1, "no work of a timed-out invocation may leak into the next one");
    }

    [Fact]
    public async Task Start_WhenTheHandlerSettingNamesNoFunction_ShouldReportAnInitErrorNamingIt()
    {
        await using var runtime = Runtime.Start("Notify");

        var (error, _) = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(10));

        error.ErrorType.Should().Be(nameof(InvalidConfiguration));
        error.ErrorMessage.Should().Contain("_HANDLER").And.Contain("'Notify' names no function").And.Contain("LoadBatch, Validate");
        (await runtime.ExitCode.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(1);
    }

    [Fact]
    public async Task Start_WhenARequiredVariableIsMissing_ShouldReportAnInitErrorNamingTheVariable()
    {
        await using var runtime = Runtime.Start(FunctionIds.Store, variables: new Dictionary<string, string> { [EnvironmentVariables.BucketName] = "bucket" });

        var (error, _) = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(10));

        error.ErrorType.Should().Be(nameof(InvalidConfiguration));
        error.ErrorMessage.Should().Be("environment variable TABLE_NAME: is required but not set");
        (await runtime.ExitCode.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(1, "the runtime exits once Lambda has its init error");
    }

    /// <summary>The runtime loop of one function against its own Runtime API server.</summary>
    private sealed class Runtime : IAsyncDisposable
    {
        private readonly RuntimeApiServer api;
        private readonly StringWriter log = new();
        private readonly CancellationTokenSource stop = new();

        private Runtime(RuntimeApiServer api, string handler, IAmazonS3 s3, IReadOnlyDictionary<string, string> variables)
        {
            this.api = api;
            var environment = new Dictionary<string, string>(variables)
            {
                [LambdaBootstrap.HandlerVariable] = handler,
                [LambdaBootstrap.RuntimeApiVariable] = api.Endpoint,
            };
            ExitCode = Task.Run(() => LambdaBootstrap.RunAsync(
                environment,
                env => new FunctionHost(s3, Mock.Of<IAmazonDynamoDB>(), env, TimeProvider.System, (_, _) => Task.CompletedTask, log),
                TextWriter.Synchronized(log),
                stop.Token));
        }

        public Task<int> ExitCode { get; }

        public bool IsRunning => !ExitCode.IsCompleted;

        public Task<(FunctionError Error, string Document)> InitError => api.InitError;

        public string? LastRequestId { get; private set; }

        public IReadOnlyList<string> LogLines => log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public static Runtime Start(string handler, IAmazonS3? s3 = null, IReadOnlyDictionary<string, string>? variables = null) =>
            new(RuntimeApiServer.Start(), handler, s3 ?? Mock.Of<IAmazonS3>(), variables ?? new Dictionary<string, string>
            {
                [EnvironmentVariables.BucketName] = "bucket",
                [EnvironmentVariables.TableName] = "table",
            });

        public Task<RuntimeAnswer> InvokeAsync(byte[] payload, TimeSpan timeout) => InvokeAsync(payload, DateTimeOffset.UtcNow + timeout);

        public async Task<RuntimeAnswer> InvokeAsync(byte[] payload, DateTimeOffset deadline)
        {
            var pending = api.Enqueue(payload, deadline, Arn, Trace);
            LastRequestId = pending.RequestId;
            return await pending.Answer.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await ExitCode.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-request by the cancellation above, which is what stopping it means.
            }

            await api.DisposeAsync();
            stop.Dispose();
            await log.DisposeAsync();
        }
    }
}
