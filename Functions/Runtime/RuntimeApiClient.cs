using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.Functions.Runtime;

/// <summary>
/// The Lambda Runtime API, version 2018-06-01, as the Lambda developer guide documents it ("Using the Lambda runtime
/// API for custom runtimes"): next invocation, invocation response, invocation error and initialization error.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    public const string Version = "2018-06-01";
    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient http;

    /// <param name="endpoint">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: host and port.</param>
    public RuntimeApiClient(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);

        // The next-invocation call waits as long as there is no event: it must never time out.
        http = new HttpClient { BaseAddress = new Uri($"http://{endpoint}/{Version}/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET runtime/invocation/next answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        var requestId = Header(response, RequestIdHeader) ?? throw new HttpRequestException($"the next invocation has no {RequestIdHeader} header");
        var deadline = long.TryParse(Header(response, DeadlineHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new HttpRequestException($"the next invocation has no valid {DeadlineHeader} header");
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(requestId, deadline, Header(response, FunctionArnHeader), Header(response, TraceIdHeader), payload);
    }

    public async Task RespondAsync(string requestId, Stream result, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(result);
        content.Headers.ContentType = Json;
        await PostAsync($"runtime/invocation/{requestId}/response", content, cancellationToken).ConfigureAwait(false);
    }

    public Task ReportErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{requestId}/error", error, cancellationToken);

    public Task ReportInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", error, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task PostErrorAsync(string path, FunctionError error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.FunctionError));
        content.Headers.ContentType = Json;
        content.Headers.Add(ErrorTypeHeader, error.ErrorType);
        await PostAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>One event the Runtime API handed out, with the headers the runtime acts on.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>: names the invocation in the response, the error and the logs.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the function.</param>
/// <param name="FunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>: the X-Ray header, set as <c>_X_AMZN_TRACE_ID</c> while the invocation runs.</param>
/// <param name="Payload">The event, as sent.</param>
public sealed record Invocation(string RequestId, DateTimeOffset Deadline, string? FunctionArn, string? TraceId, byte[] Payload);
