namespace Pipeline.Local.Definition;

public sealed record FailState : State
{
    public string? Error { get; init; }

    public string? ErrorPath { get; init; }

    public string? Cause { get; init; }

    public string? CausePath { get; init; }

    public override string Type => "Fail";
}
