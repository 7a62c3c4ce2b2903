namespace Pipeline.Infra.Model;

public sealed record StackOutput(string Name, Input Value);
