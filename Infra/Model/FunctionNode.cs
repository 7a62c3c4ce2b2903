namespace Pipeline.Infra.Model;

/// <summary>A Pulumi YAML built-in call such as <c>fn::toJSON</c> or <c>fn::fileArchive</c>.</summary>
public sealed record FunctionNode(string Function, Node Argument) : Node
{
    public const string ToJson = "fn::toJSON";
    public const string FileArchive = "fn::fileArchive";
    public const string Invoke = "fn::invoke";
}
