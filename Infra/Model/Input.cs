namespace Pipeline.Infra.Model;

/// <summary>
/// A string-valued resource input: a literal, a reference to another resource's output (or to a
/// variable or config value), or an interpolation of both. Literals are escaped when emitted, so
/// nothing written as a literal is ever evaluated by Pulumi.
/// </summary>
public abstract record Input
{
    public static implicit operator Input(string literal) => new Literal(literal);

    public static Input Of(ref InterpolationHandler handler) => handler.Build();

    /// <summary>The references this input depends on, in order of appearance.</summary>
    public abstract IEnumerable<Reference> References();
}
