namespace Pipeline.Infra.Model;

public sealed record BoolNode(bool Value) : Node;
