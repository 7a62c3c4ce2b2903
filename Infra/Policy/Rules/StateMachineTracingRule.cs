using Pipeline.Infra.Aws.Sfn;

namespace Pipeline.Infra.Policy.Rules;

public sealed class StateMachineTracingRule : IPolicyRule
{
    public string Id => "SF2";

    public string Sentence => "Every state machine traces its executions with X-Ray.";

    public IEnumerable<Finding> Evaluate(PolicyContext context) =>
        from machine in context.Stack.All<SfnStateMachine>()
        where !machine.TracingConfiguration.Enabled
        select new Finding(Id, machine.LogicalName, "X-Ray tracing is off");
}
