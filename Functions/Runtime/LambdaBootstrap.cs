using Pipeline.Functions.Catalog;
using Pipeline.Functions.Errors;
using Pipeline.Functions.Handlers;
using Pipeline.Functions.Logging;

namespace Pipeline.Functions.Runtime;

/// <summary>
/// The runtime of the <c>bootstrap</c> executable on <c>provided.al2023</c>: creates the handler <c>_HANDLER</c> names
/// (reporting a bad configuration to <c>/runtime/init/error</c>), then takes invocations from the Runtime API one at a
/// time. Each runs with <c>_X_AMZN_TRACE_ID</c> set and its request id on every log line, and is cancelled
/// <see cref="StopMargin"/> before its deadline so that it ends as a <see cref="FunctionTimeout"/> error rather than
/// being killed. An exception becomes an error named by its simple class name.
/// </summary>
public static class LambdaBootstrap
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerVariable = "_HANDLER";
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>How long before the deadline a handler is cancelled, leaving time to report the error.</summary>
    public static readonly TimeSpan StopMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a cancelled handler may take to stop before the process exits instead.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs until <paramref name="stop"/> or until a handler ignores its cancellation; returns the exit code.</summary>
    /// <param name="environment">The process environment as Lambda sets it.</param>
    /// <param name="createHost">Creates the AWS clients and the rest of what the handler needs from the environment.</param>
    /// <param name="log">Where log lines go (stdout in Lambda, which CloudWatch Logs captures).</param>
    public static async Task<int> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        Func<IReadOnlyDictionary<string, string>, FunctionHost> createHost,
        TextWriter log,
        CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(createHost);
        ArgumentNullException.ThrowIfNull(log);
        var handlerName = environment.GetValueOrDefault(HandlerVariable) ?? string.Empty;
        var runtimeLog = new FunctionLog(log, handlerName);
        if (string.IsNullOrWhiteSpace(environment.GetValueOrDefault(RuntimeApiVariable)))
        {
            runtimeLog.Error($"{RuntimeApiVariable} is not set: this executable runs inside Lambda or a local Runtime API server");
            return 1;
        }

        using var api = new RuntimeApiClient(environment[RuntimeApiVariable]);
        IFunctionHandler handler;
        try
        {
            var function = HandlerCatalog.All.FirstOrDefault(f => f.Handler == handlerName)
                ?? throw new InvalidConfiguration(HandlerVariable, $"'{handlerName}' names no function; known: {string.Join(", ", HandlerCatalog.All.Select(f => f.Handler))}");
            handler = function.Create(createHost(environment));
        }
        catch (Exception ex)
        {
            var error = FunctionError.From(ex);
            runtimeLog.Error("initialization failed", ("errorType", error.ErrorType), ("errorMessage", error.ErrorMessage), ("stackTrace", ex.StackTrace));
            await api.ReportInitErrorAsync(error, stop).ConfigureAwait(false);
            return 1;
        }

        try
        {
            while (true)
            {
                var invocation = await api.NextAsync(stop).ConfigureAwait(false);
                if (!await InvokeAsync(api, handler, handlerName, invocation, runtimeLog, stop).ConfigureAwait(false))
                {
                    return 1;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>Runs one invocation and reports its outcome; false when the handler did not stop when cancelled.</summary>
    private static async Task<bool> InvokeAsync(
        RuntimeApiClient api, IFunctionHandler handler, string functionId, Invocation invocation, FunctionLog log, CancellationToken stop)
    {
        FunctionLog.RequestId = invocation.RequestId;
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        var untilStop = invocation.Deadline - StopMargin - DateTimeOffset.UtcNow;
        if (untilStop < TimeSpan.Zero)
        {
            untilStop = TimeSpan.Zero;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(untilStop);
        var run = Task.Run(() => handler.HandleAsync(new MemoryStream(invocation.Payload, writable: false), deadline.Token), CancellationToken.None);
        var stopped = await Task.WhenAny(run, Task.Delay(untilStop + StopGrace, CancellationToken.None)).ConfigureAwait(false) == run;
        var timeout = new FunctionTimeout(functionId, invocation.Deadline, StopMargin);
        if (!stopped)
        {
            await ReportAsync(api, invocation, timeout, log, stop).ConfigureAwait(false);
            log.Error("the handler did not stop when cancelled; exiting so that no work leaks into the next invocation");
            return false;
        }

        Stream? result = null;
        Exception? failure = null;
        try
        {
            result = await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            failure = timeout;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        if (result is not null)
        {
            await using (result.ConfigureAwait(false))
            {
                await api.RespondAsync(invocation.RequestId, result, stop).ConfigureAwait(false);
            }
        }
        else
        {
            await ReportAsync(api, invocation, failure!, log, stop).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task ReportAsync(RuntimeApiClient api, Invocation invocation, Exception exception, FunctionLog log, CancellationToken stop)
    {
        var error = FunctionError.From(exception);
        log.Error("invocation failed", ("errorType", error.ErrorType), ("errorMessage", error.ErrorMessage), ("stackTrace", exception.StackTrace));
        await api.ReportErrorAsync(invocation.RequestId, error, stop).ConfigureAwait(false);
    }
}
