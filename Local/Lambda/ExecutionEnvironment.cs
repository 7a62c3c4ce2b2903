using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Functions.Packaging;
using Pipeline.Functions.Runtime;

namespace Pipeline.Local.Lambda;

/// <summary>
/// One execution environment of a function: its own Runtime API and the package's <c>bootstrap</c> started as a process
/// with Lambda's environment only, in the task root. It runs one invocation at a time and stops the process when an
/// invocation outlives the function's timeout (<c>Sandbox.Timedout</c>), when the runtime exits
/// (<c>Runtime.ExitError</c>) or reports an initialization error; a stopped environment takes no more invocations.
/// </summary>
internal sealed class ExecutionEnvironment : IAsyncDisposable
{
    /// <summary>Lambda stops a function at its deadline; the local server allows this much more for the process to answer.</summary>
    private static readonly TimeSpan KillSlack = TimeSpan.FromSeconds(1);

    private readonly FunctionConfiguration function;
    private readonly RuntimeApiServer api;
    private readonly Process process;
    private readonly Task exited;
    private readonly ConcurrentQueue<string> output = new();
    private readonly Action<string>? log;
    private bool invoked;

    private ExecutionEnvironment(FunctionConfiguration function, RuntimeApiServer api, Process process, Action<string>? log)
    {
        this.function = function;
        this.api = api;
        this.process = process;
        this.log = log;
        StartedAt = DateTimeOffset.UtcNow;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        exited = process.WaitForExitAsync();
    }

    public DateTimeOffset StartedAt { get; }

    /// <summary>When the runtime first asked for an event.</summary>
    public Task<DateTimeOffset> Initialized => api.FirstNext;

    public bool IsAlive => !exited.IsCompleted;

    /// <summary>Every line the process wrote to stdout or stderr (CloudWatch Logs' view).</summary>
    public IReadOnlyCollection<string> Output => output;

    /// <summary>The process's peak resident memory so far, in bytes.</summary>
    public long PeakMemoryBytes
    {
        get
        {
            try
            {
                process.Refresh();
                return process.PeakWorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }
    }

    /// <summary>Starts the runtime of the package unpacked in <paramref name="taskRoot"/>.</summary>
    public static ExecutionEnvironment Start(
        FunctionConfiguration function, string taskRoot, LocalAccount account, IReadOnlyDictionary<string, string> services, Action<string>? log)
    {
        var bootstrap = Path.Combine(taskRoot, FunctionArchive.EntryPoint);
        if (!File.Exists(bootstrap) || (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) == 0))
        {
            throw new InvocationException(new FunctionError(
                "Runtime.InvalidEntrypoint", $"{function.Name}: the package has no executable {FunctionArchive.EntryPoint} at its root"));
        }

        var api = RuntimeApiServer.Start();
        var (fileName, arguments) = ArchitectureEmulation.Command(function.Architecture, bootstrap);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = taskRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(function, api.Endpoint, taskRoot, account, services))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {bootstrap}");
        return new ExecutionEnvironment(function, api, process, log);
    }

    public async Task<InvocationOutcome> InvokeAsync(byte[] payload, string traceId, CancellationToken cancellationToken)
    {
        var coldStart = !invoked;
        invoked = true;
        var deadline = DateTimeOffset.UtcNow + function.Timeout;
        var pending = api.Enqueue(payload, deadline, $"arn:aws:lambda:local:000000000000:function:{function.Name}", traceId);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timedOut = Task.Delay(function.Timeout + KillSlack, kill.Token);
        var first = await Task.WhenAny(pending.Answer, api.InitError, exited, timedOut).ConfigureAwait(false);
        await kill.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var started = pending.Started.IsCompleted ? await pending.Started.ConfigureAwait(false) : DateTimeOffset.UtcNow;
        var duration = DateTimeOffset.UtcNow - started;

        var initDuration = coldStart && Initialized.IsCompleted ? await Initialized.ConfigureAwait(false) - StartedAt : (TimeSpan?)null;
        if (first == pending.Answer)
        {
            var answer = await pending.Answer.ConfigureAwait(false);
            return new InvocationOutcome(function.Name, pending.RequestId, answer.Response, answer.Error, answer.ErrorDocument, answer.ErrorTypeHeader, duration, initDuration, PeakMemoryBytes);
        }

        FunctionError failure;
        if (api.InitError.IsCompleted)
        {
            failure = (await api.InitError.ConfigureAwait(false)).Error;
        }
        else if (first == exited)
        {
            failure = new FunctionError("Runtime.ExitError", $"RequestId: {pending.RequestId} Error: Runtime exited with error: exit status {process.ExitCode}");
        }
        else
        {
            failure = new FunctionError("Sandbox.Timedout", $"RequestId: {pending.RequestId} Error: Task timed out after {function.Timeout.TotalSeconds:0.00} seconds");
        }

        var peak = PeakMemoryBytes;
        Stop();
        return new InvocationOutcome(function.Name, pending.RequestId, null, failure, null, null, duration, initDuration, peak);
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await exited.ConfigureAwait(false);
        await api.DisposeAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private void Stop()
    {
        if (IsAlive)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
        }
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
            log?.Invoke(line);
        }
    }
}
