namespace Pipeline.Local.Definition;

public sealed record SucceedState : State
{
    public override string Type => "Succeed";
}
