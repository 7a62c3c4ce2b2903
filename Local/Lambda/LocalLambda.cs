using System.Collections.Concurrent;
using System.IO.Compression;

namespace Pipeline.Local.Lambda;

/// <summary>
/// A local stand-in for the Lambda service running deployment packages: each function's zip is unpacked as Lambda
/// unpacks it (modes kept), and an invocation goes to an idle execution environment of the function or, when all are
/// busy, to a new one (a cold start), as Lambda scales. Every invocation's outcome is recorded. Disposing stops every
/// process and removes the unpacked packages.
/// </summary>
public sealed class LocalLambda : IAsyncDisposable
{
    private readonly LocalAccount account;
    private readonly IReadOnlyDictionary<string, string> services;
    private readonly Action<string>? log;
    private readonly string root = Path.Combine(Path.GetTempPath(), $"pipeline-lambda-{Guid.NewGuid():N}");
    private readonly ConcurrentDictionary<string, (FunctionConfiguration Function, string TaskRoot)> functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentBag<ExecutionEnvironment>> idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<ExecutionEnvironment> all = [];
    private readonly ConcurrentQueue<InvocationOutcome> outcomes = new();

    /// <param name="account">The region and credentials every function runs with.</param>
    /// <param name="services">Variables added to every function's environment to reach local servers.</param>
    /// <param name="log">Receives every line a function writes (its logs).</param>
    public LocalLambda(LocalAccount account, IReadOnlyDictionary<string, string> services, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(services);
        this.account = account;
        this.services = services;
        this.log = log;
    }

    /// <summary>Every invocation so far, in the order they ended.</summary>
    public IReadOnlyCollection<InvocationOutcome> Outcomes => outcomes;

    /// <summary>Creates the function: unpacks its package into a task root of its own.</summary>
    public void Deploy(FunctionConfiguration function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var taskRoot = Path.Combine(root, function.Name);
        Directory.CreateDirectory(taskRoot);
        ZipFile.ExtractToDirectory(function.Package, taskRoot, overwriteFiles: true);
        if (!functions.TryAdd(function.Name, (function, taskRoot)))
        {
            throw new ArgumentException($"the function {function.Name} exists already", nameof(function));
        }

        idle[function.Name] = [];
    }

    /// <summary>Invokes <paramref name="functionName"/> with <paramref name="payload"/> and waits for its outcome.</summary>
    public async Task<InvocationOutcome> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken = default)
    {
        if (!functions.TryGetValue(functionName, out var deployed))
        {
            throw new KeyNotFoundException($"no function {functionName}; deployed: {string.Join(", ", functions.Keys.Order(StringComparer.Ordinal))}");
        }

        var pool = idle[functionName];
        ExecutionEnvironment? environment = null;
        while (pool.TryTake(out var candidate))
        {
            if (candidate.IsAlive)
            {
                environment = candidate;
                break;
            }
        }

        if (environment is null)
        {
            environment = ExecutionEnvironment.Start(deployed.Function, deployed.TaskRoot, account, services, log);
            all.Add(environment);
        }

        var outcome = await environment.InvokeAsync(payload, TraceId(), cancellationToken).ConfigureAwait(false);
        outcomes.Enqueue(outcome);
        if (environment.IsAlive)
        {
            pool.Add(environment);
        }

        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var environment in all)
        {
            await environment.DisposeAsync().ConfigureAwait(false);
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>An X-Ray trace header as Lambda passes it: a new root per invocation.</summary>
    private static string TraceId()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"Root=1-{epoch:x8}-{Guid.NewGuid().ToString("N")[..24]};Parent={Guid.NewGuid().ToString("N")[..16]};Sampled=1";
    }
}
