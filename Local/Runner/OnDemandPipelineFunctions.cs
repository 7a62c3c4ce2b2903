using Pipeline.Functions.Catalog;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Runner;

/// <summary>
/// Binds the pipeline's functions for <c>exec</c> without starting anything: the first call of any of them starts
/// the local servers and creates the stack's bucket and table; later calls reuse them. A distributed Map's objects
/// are read and written on the same S3 server, started the same way. Disposing stops the servers if they were started.
/// </summary>
public sealed class OnDemandPipelineFunctions : IAsyncDisposable, Engine.IObjectStore
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
        var resolver = new Workflows.DataPipeline.ExampleArnResolver(LocalStack.StackName);
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

    public async Task<byte[]> GetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var (servers, _) = await StartOnce("a distributed Map's ItemReader").ConfigureAwait(false);
        return await new S3ObjectStore(servers.S3).GetAsync(bucket, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken)
    {
        var (servers, _) = await StartOnce("a distributed Map's ResultWriter").ConfigureAwait(false);
        await new S3ObjectStore(servers.S3).PutAsync(bucket, key, content, cancellationToken).ConfigureAwait(false);
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

    private Task<(LocalServers Servers, IReadOnlyDictionary<string, FunctionCall> Calls)> StartOnce(string user)
    {
        lock (gate)
        {
            return started ??= StartAsync(user);
        }
    }

    private async Task<(LocalServers, IReadOnlyDictionary<string, FunctionCall>)> StartAsync(string user)
    {
        await log.WriteLineAsync($"Starting DynamoDB Local and the S3 server for {user}...").ConfigureAwait(false);
        var servers = await LocalServers.StartAsync(AppContext.BaseDirectory, log).ConfigureAwait(false);
        var stack = new LocalStack(servers);
        await stack.CreateAsync().ConfigureAwait(false);
        return (servers, PipelineFunctions.Create(stack.CreateFunctionHost()));
    }
}
