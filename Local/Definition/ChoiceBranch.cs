namespace Pipeline.Local.Definition;

/// <summary>A top-level Choice rule and the state it leads to.</summary>
public sealed record ChoiceBranch(ChoiceRule Rule, string Next);
