namespace Pipeline.Local.Definition;

/// <summary>A top-level Choice rule: its condition and the state it leads to (as the model's <c>ChoiceRule</c>).</summary>
public sealed record ChoiceRule(Condition Condition, string Next);
