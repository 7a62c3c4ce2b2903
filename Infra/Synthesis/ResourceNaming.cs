using Pipeline.Functions.Catalog;
using Pipeline.Infra.Settings;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Resources;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// Physical names of the explicitly named resources, all under <c>pipeline-&lt;stack&gt;</c>. Buckets, the
/// table, the queue, the topic and the roles are left to Pulumi's auto-naming.
/// </summary>
public sealed class ResourceNaming(StackSettings settings)
{
    public string Prefix => settings.NamePrefix;

    public string KeyAlias => $"alias/{Prefix}";

    public string BucketPrefix(string purpose) => $"{Prefix}-{purpose}-";

    /// <summary><c>LoadBatch</c> becomes <c>pipeline-dev-load-batch</c>.</summary>
    public string FunctionName(FunctionDefinition function) => FunctionNames.Of(Prefix, function.Id);

    public string FunctionLogGroup(FunctionDefinition function) => $"/aws/lambda/{FunctionName(function)}";

    public string MachineName(WorkflowVariant kind) => $"{Prefix}-{kind.ToString().ToLowerInvariant()}";

    /// <summary>Step Functions log groups must live under <c>/aws/vendedlogs/</c> to stay within the resource policy size limit.</summary>
    public string MachineLogGroup(WorkflowVariant kind) => $"/aws/vendedlogs/states/{MachineName(kind)}";

    public string RuleName(string purpose) => $"{Prefix}-{purpose}";

    public string AlarmName(string purpose) => $"{Prefix}-{purpose}";

    /// <summary>Every alarm's name starts with the prefix and a dash: what a key policy's <c>aws:SourceArn</c> pattern names.</summary>
    public string AlarmNamePattern => $"{Prefix}-*";

    public string DeadLetterQueueName => $"{Prefix}-dead-letters";
}
