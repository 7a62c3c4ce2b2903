namespace Pipeline.Local.Definition;

public sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;
