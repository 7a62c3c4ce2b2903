using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Pipeline.Functions.Runtime;

namespace Pipeline.Local.Lambda;

/// <summary>
/// The Lambda Runtime API of one execution environment, on a free 127.0.0.1 port: <c>GET .../invocation/next</c> hands
/// out queued events with Lambda's headers, <c>POST .../{id}/response</c> and <c>.../{id}/error</c> complete them, and
/// <c>POST .../init/error</c> records why the runtime could not start. Paths and headers are those of the Lambda
/// developer guide ("Using the Lambda runtime API for custom runtimes"); anything else is answered 404.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/" + RuntimeApiClient.Version + "/runtime/";

    private readonly HttpListener listener;
    private readonly Channel<PendingInvocation> queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> handedOut = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<(FunctionError Error, string Document)> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    private RuntimeApiServer(HttpListener listener, int port)
    {
        this.listener = listener;
        Endpoint = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        serving = Task.Run(ServeAsync);
    }

    /// <summary>Host and port, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Completes when the runtime reports an initialization error.</summary>
    public Task<(FunctionError Error, string Document)> InitError => initError.Task;

    /// <summary>Completes when the runtime first asks for an event: the end of its initialization.</summary>
    public Task<DateTimeOffset> FirstNext => firstNext.Task;

    public static RuntimeApiServer Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RuntimeApiServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: probe again.
                listener.Close();
            }
        }
    }

    /// <summary>Queues an event; the task completes when the runtime posts its response or error.</summary>
    public PendingInvocation Enqueue(byte[] payload, DateTimeOffset deadline, string functionArn, string traceId)
    {
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), payload, deadline, functionArn, traceId);
        queue.Writer.TryWrite(invocation);
        return invocation;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Close();
        try
        {
            await serving.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Closing the listener ends the accept loop.
        }

        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync().ConfigureAwait(false);
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url?.AbsolutePath ?? string.Empty;
            var route = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..].Split('/') : [];
            switch (request.HttpMethod, route)
            {
                case ("GET", ["invocation", "next"]):
                    await NextAsync(response).ConfigureAwait(false);
                    break;
                case ("POST", ["invocation", var id, "response"]) when handedOut.TryRemove(id, out var invocation):
                    invocation.Complete(new RuntimeAnswer(await BodyAsync(request).ConfigureAwait(false), null, null, null));
                    Status(response, HttpStatusCode.Accepted);
                    break;
                case ("POST", ["invocation", var id, "error"]) when handedOut.TryRemove(id, out var invocation):
                    var header = request.Headers[RuntimeApiClient.ErrorTypeHeader];
                    var (error, document) = ReadError(await BodyAsync(request).ConfigureAwait(false), header);
                    invocation.Complete(new RuntimeAnswer(null, error, document, header));
                    Status(response, HttpStatusCode.Accepted);
                    break;
                case ("POST", ["init", "error"]):
                    initError.TrySetResult(ReadError(await BodyAsync(request).ConfigureAwait(false), request.Headers[RuntimeApiClient.ErrorTypeHeader]));
                    Status(response, HttpStatusCode.Accepted);
                    break;
                default:
                    Status(response, HttpStatusCode.NotFound);
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The runtime went away or the server is stopping.
        }
        finally
        {
            response.Close();
        }
    }

    private async Task NextAsync(HttpListenerResponse response)
    {
        firstNext.TrySetResult(DateTimeOffset.UtcNow);
        var invocation = await queue.Reader.ReadAsync(stopping.Token).ConfigureAwait(false);
        handedOut[invocation.RequestId] = invocation;
        invocation.HandedOut();
        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = "application/json";
        response.Headers[RuntimeApiClient.RequestIdHeader] = invocation.RequestId;
        response.Headers[RuntimeApiClient.DeadlineHeader] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers[RuntimeApiClient.FunctionArnHeader] = invocation.FunctionArn;
        response.Headers[RuntimeApiClient.TraceIdHeader] = invocation.TraceId;
        response.ContentLength64 = invocation.Payload.Length;
        await response.OutputStream.WriteAsync(invocation.Payload, stopping.Token).ConfigureAwait(false);
    }

    private static async Task<byte[]> BodyAsync(HttpListenerRequest request)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body).ConfigureAwait(false);
        return body.ToArray();
    }

    /// <summary>The posted error document; its errorType, or else the error-type header, names the error.</summary>
    private static (FunctionError Error, string Document) ReadError(byte[] body, string? headerType)
    {
        var document = Encoding.UTF8.GetString(body);
        string? type = null, message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                type = Text(json.RootElement, "errorType");
                message = Text(json.RootElement, "errorMessage");
            }
        }
        catch (JsonException)
        {
            message = document;
        }

        return (new FunctionError(type ?? headerType ?? "Unhandled", message ?? string.Empty), document);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Status(HttpListenerResponse response, HttpStatusCode status)
    {
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes(status == HttpStatusCode.Accepted ? "{\"status\":\"OK\"}" : "{\"errorType\":\"NotFound\"}");
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }
}
