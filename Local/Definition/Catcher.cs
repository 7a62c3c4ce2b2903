namespace Pipeline.Local.Definition;

public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next)
{
    public string? ResultPath { get; init; } = "$";
}
