namespace Pipeline.Infra.Model;

public sealed record StringNode(Input Text) : Node;
