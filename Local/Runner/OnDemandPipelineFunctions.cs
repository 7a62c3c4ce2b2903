using Pipeline.Functions;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Runner;

/// <summary>
/// Binds the pipeline's functions for <c>exec</c> without starting anything: the first call of any of them starts
/// the local servers and creates the stack's bucket and table; later calls reuse them. Disposing stops the servers
/// if they were started.
/// </summary>
public sealed class OnDemandPipelineFunctions : IAsyncDisposable
{
    private readonly TextWriter log;
    private readonly Lock gate = new();
    private Task<(LocalServers Servers, IReadOnlyDictionary<string, FunctionCall> Calls)>? started;

    public OnDemandPipelineFunctions(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        this.log = log;
    }

    /// <summary>Registers each pipeline function under the name the example ARNs of stack <c>local</c> give it.</summary>
    public TaskRegistry Bind(TaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var resolver = new Workflows.ExampleArnResolver(LocalStack.StackName);
        foreach (var function in HandlerCatalog.All)
        {
            var name = PipelineFunctions.FunctionName(resolver, function.Id);
            registry.RegisterFunction(name, async (payload, context) =>
            {
                var (_, calls) = await StartOnce(name).ConfigureAwait(false);
                return await calls[function.Id](payload, context).ConfigureAwait(false);
            });
        }

        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        if (started is not null)
        {
            try
            {
                var (servers, _) = await started.ConfigureAwait(false);
                await servers.DisposeAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The servers never started; the failure was reported by the task that needed them.
            }
        }
    }

    private Task<(LocalServers Servers, IReadOnlyDictionary<string, FunctionCall> Calls)> StartOnce(string functionName)
    {
        lock (gate)
        {
            return started ??= StartAsync(functionName);
        }
    }

    private async Task<(LocalServers, IReadOnlyDictionary<string, FunctionCall>)> StartAsync(string functionName)
    {
        await log.WriteLineAsync($"Starting DynamoDB Local and the S3 server for {functionName}...").ConfigureAwait(false);
        var servers = await LocalServers.StartAsync(AppContext.BaseDirectory, log).ConfigureAwait(false);
        var stack = new LocalStack(servers);
        await stack.CreateAsync().ConfigureAwait(false);
        return (servers, PipelineFunctions.Create(stack.CreateFunctionHost()));
    }
}
