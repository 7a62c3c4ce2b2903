using Amazon.S3.Model;
using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Table;
using Pipeline.Local.Definition;
using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Rendering;
using Pipeline.Workflows.Resources;

namespace Pipeline.Local.Runner;

/// <summary>
/// The pipeline's resources on the local servers: the ingest bucket, the records table with the stack's key schema
/// (<see cref="TableSchema"/>), the function names the example ARNs of stack <c>local</c> give, and the rendered
/// definitions of both state machines.
/// </summary>
public sealed class LocalStack
{
    public const string StackName = "local";

    /// <param name="workflow">The workflow's settings; the defaults (the dev stack's) when absent.</param>
    /// <param name="functionSettings">Environment variables the functions get besides the bucket and table names.</param>
    public LocalStack(
        LocalServers aws,
        string bucketName = "pipeline-local-ingest",
        string tableName = "pipeline-local-records",
        PipelineWorkflowOptions? workflow = null,
        IReadOnlyDictionary<string, string>? functionSettings = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        Aws = aws;
        BucketName = bucketName;
        TableName = tableName;
        Workflow = workflow ?? new PipelineWorkflowOptions();
        this.functionSettings = functionSettings ?? new Dictionary<string, string>();
    }

    private readonly IReadOnlyDictionary<string, string> functionSettings;

    public PipelineWorkflowOptions Workflow { get; }

    public LocalServers Aws { get; }

    public string BucketName { get; }

    public string TableName { get; }

    public IResourceResolver Resolver { get; } = new ExampleArnResolver(StackName);

    /// <summary>The environment the stack gives the functions.</summary>
    public IReadOnlyDictionary<string, string> FunctionEnvironment => new Dictionary<string, string>(functionSettings)
    {
        [EnvironmentVariables.BucketName] = BucketName,
        [EnvironmentVariables.TableName] = TableName,
    };

    /// <summary>A host for the real handlers against the local servers, with the stack's environment.</summary>
    public FunctionHost CreateFunctionHost() =>
        new(Aws.S3, Aws.DynamoDb, FunctionEnvironment, TimeProvider.System, Task.Delay);

    /// <summary>Creates the bucket and the table unless they exist.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        var buckets = await Aws.S3.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        if (!(buckets.Buckets ?? []).Any(b => b.BucketName == BucketName))
        {
            await Aws.S3.PutBucketAsync(new PutBucketRequest { BucketName = BucketName }, cancellationToken).ConfigureAwait(false);
        }

        var tables = await Aws.DynamoDb.ListTablesAsync(cancellationToken).ConfigureAwait(false);
        if (!(tables.TableNames ?? []).Contains(TableName))
        {
            await Aws.DynamoDb.CreateTableAsync(TableSchema.CreateTableRequest(TableName), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The pipeline's workflow rendered for <paramref name="variant"/> as it deploys, parsed by the engine.</summary>
    public StateMachine Definition(WorkflowVariant variant) =>
        StateMachine.Parse(AslRenderer.Render(PipelineWorkflow.Create(Workflow, variant), variant, Resolver));

    public string MachineName(WorkflowVariant variant) => $"pipeline-{StackName}-{variant.ToString().ToLowerInvariant()}";

    /// <summary>The machine an execution start names, by its ARN; only the Standard machine is ever started by a workflow.</summary>
    public WorkflowVariant MachineOf(string stateMachineArn) =>
        stateMachineArn == Resolver.Resolve(ResourceRef.StateMachine(PipelineWorkflow.StandardMachineId))
            ? WorkflowVariant.Standard
            : throw new InvalidOperationException($"the workflow started '{stateMachineArn}', which is not a state machine of the local stack");
}
