using Pipeline.Functions.Catalog;
using Pipeline.Infra.Settings;
using Pipeline.Workflows.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>What every part of the stack is built from: the stack's settings and the handlers to deploy.</summary>
public sealed record SynthesisContext(StackSettings Settings, IReadOnlyList<FunctionDefinition> Functions)
{
    public ResourceNaming Naming { get; } = new(Settings);

    public string UploadRuleName => Naming.RuleName("uploads");

    public string RunEndedRuleName => Naming.RuleName("run-ended");

    public IEnumerable<string> LogGroupNames =>
        Functions.Select(Naming.FunctionLogGroup)
            .Concat(Enum.GetValues<WorkflowVariant>().Select(Naming.MachineLogGroup));

    public IEnumerable<string> RuleNames => [UploadRuleName];

    public Model.ResourceOptions Stateful => new()
    {
        Protect = Settings.Protect,
        RetainOnDelete = Settings.RetainOnDelete,
    };
}
