namespace Pipeline.Workflows.Tests;

/// <summary>Small states and definitions for tests.</summary>
internal static class TestDefinitions
{
    public static TaskState Lambda(string name, string? functionId = null) =>
        ServiceIntegrations.InvokeFunction(name, functionId ?? name, Payload.Object(("input", Payload.Path("$"))));

    public static StateMachineDefinition Of(params State[] states) => new(states[0].Name, [.. states]);

    public static StateMachineDefinition Sequence(params IChainable[] parts) =>
        StateMachineDefinition.From(parts.Skip(1).Aggregate(Chain.Start(parts[0]), (chain, next) => chain.Next(next)));

    public static IReadOnlyList<string> ErrorsOf(StateMachineDefinition definition, WorkflowVariant variant = WorkflowVariant.Standard) =>
        [.. WorkflowValidator.Validate(definition, variant).Select(error => error.ToString())];
}
