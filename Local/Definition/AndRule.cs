namespace Pipeline.Local.Definition;

public sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;
