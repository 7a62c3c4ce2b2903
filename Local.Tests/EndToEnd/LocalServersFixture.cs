using Amazon.DynamoDBv2.Model;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Local.Tests.EndToEnd;

/// <summary>Starts DynamoDB Local and the S3 server once for the end-to-end tests; each test gets its own table.</summary>
public sealed class LocalServersFixture : IAsyncLifetime
{
    private LocalServers? servers;
    private int stacks;

    public LocalServers Servers => servers ?? throw new InvalidOperationException("not started");

    public static string RepositoryRoot { get; } = Path.GetDirectoryName(LocalAws.LocalAwsServers.FindToolsDirectory(AppContext.BaseDirectory))!;

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", name);

    public async Task InitializeAsync() => servers = await LocalServers.StartAsync(AppContext.BaseDirectory, TextWriter.Null);

    /// <summary>A stack with a fresh table (and the shared bucket), created on the servers.</summary>
    public async Task<LocalStack> CreateStackAsync(PipelineWorkflowOptions? workflow = null)
    {
        var stack = new LocalStack(Servers, tableName: $"records-{Interlocked.Increment(ref stacks)}", workflow: workflow);
        await stack.CreateAsync();
        return stack;
    }

    /// <summary>Every item of the stack's table, each as its sorted attributes, the whole list sorted: comparable across tables.</summary>
    public async Task<List<string>> ScanAsync(LocalStack stack, Func<Dictionary<string, AttributeValue>, bool>? filter = null)
    {
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Servers.DynamoDb.ScanAsync(new ScanRequest { TableName = stack.TableName, ExclusiveStartKey = start });
            items.AddRange(page.Items.Where(i => filter?.Invoke(i) ?? true).Select(Describe));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        items.Sort(StringComparer.Ordinal);
        return items;
    }

    public async Task DisposeAsync()
    {
        if (servers is not null)
        {
            await servers.DisposeAsync();
        }
    }

    private static string Describe(Dictionary<string, AttributeValue> item) =>
        string.Join(", ", item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Value(a.Value)}"));

    private static string Value(AttributeValue value) =>
        value.S ?? value.N ?? (value.BOOL is { } b ? b.ToString() : null)
        ?? (value.M is { Count: > 0 } map ? "{" + Describe(map) + "}" : null)
        ?? (value.L is { Count: > 0 } list ? "[" + string.Join(";", list.Select(Value)) + "]" : "null");
}
