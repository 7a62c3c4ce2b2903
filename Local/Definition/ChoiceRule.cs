namespace Pipeline.Local.Definition;

/// <summary>A Choice rule: a boolean combination (And, Or, Not) or a data-test comparison.</summary>
public abstract record ChoiceRule;
