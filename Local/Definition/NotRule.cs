namespace Pipeline.Local.Definition;

public sealed record NotRule(ChoiceRule Rule) : ChoiceRule;
