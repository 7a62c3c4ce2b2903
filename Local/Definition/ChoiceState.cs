namespace Pipeline.Local.Definition;

public sealed record ChoiceState : State
{
    public required IReadOnlyList<ChoiceRule> Choices { get; init; }

    public string? Default { get; init; }

    public override string Type => "Choice";
}
