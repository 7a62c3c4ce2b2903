using System.Collections.Immutable;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>
/// Checks a definition before anything renders it. Every error names the state by its path
/// (e.g. <c>Process &gt; ItemProcessor &gt; Store</c>) and the rule it breaks.
/// </summary>
public static class WorkflowValidator
{
    /// <summary>The path used for errors about the definition itself rather than one state.</summary>
    public const string DefinitionPath = "State machine";

    public static ImmutableArray<ValidationError> Validate(StateMachineDefinition definition, WorkflowVariant variant)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        var entries = StateList.Walk(definition.Graph).ToList();

        if (definition.TimeoutSeconds < 1)
            errors.Add(new(DefinitionPath, $"TimeoutSeconds must be >= 1 (is {definition.TimeoutSeconds})"));
        if (variant == WorkflowVariant.Express && definition.TimeoutSeconds > ExpressRules.MaxSeconds)
            errors.Add(new(DefinitionPath, $"TimeoutSeconds {definition.TimeoutSeconds} exceeds the Express limit of {ExpressRules.MaxSeconds} s"));

        GraphRules.CheckNames(entries, errors);
        GraphRules.CheckGraph(definition.Graph, DefinitionPath, null, entries, errors);
        VariableRules.Check(definition, errors);
        foreach (var entry in entries)
        {
            StateRules.Check(entry.State, definition.QueryLanguage ?? QueryLanguage.JsonPath, definition.LanguageOf(entry.State), entry.Path, errors);
            if (variant == WorkflowVariant.Express)
                ExpressRules.Check(entry.State, entry.Path, errors);
        }

        return [.. errors];
    }
}
