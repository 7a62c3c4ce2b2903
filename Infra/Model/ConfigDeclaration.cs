namespace Pipeline.Infra.Model;

/// <summary>
/// An entry of the program's <c>config</c> section. A secret has no default and is only ever
/// referenced as <c>${Key}</c>; its value never passes through the compiler's output.
/// </summary>
public sealed record ConfigDeclaration(string Key, string Type, bool Secret = false, Node? Default = null)
{
    public Reference Reference => new(Key);
}
