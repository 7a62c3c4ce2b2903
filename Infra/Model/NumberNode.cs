namespace Pipeline.Infra.Model;

public sealed record NumberNode(long Value) : Node;
