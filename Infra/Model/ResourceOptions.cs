namespace Pipeline.Infra.Model;

/// <summary>
/// Pulumi resource options. <c>Protect</c> and <c>RetainOnDelete</c> must be literals in a Pulumi YAML
/// program, so they are decided per stack when the model is built.
/// </summary>
public sealed record ResourceOptions
{
    public static readonly ResourceOptions None = new();

    /// <summary>Null leaves the option out of the program (Pulumi's default, false).</summary>
    public bool? Protect { get; init; }

    /// <summary>Null leaves the option out of the program (Pulumi's default, false).</summary>
    public bool? RetainOnDelete { get; init; }

    /// <summary>Logical names of resources this one must be created after.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public bool Equals(ResourceOptions? other) =>
        other is not null && Protect == other.Protect && RetainOnDelete == other.RetainOnDelete && DependsOn.SequenceEqual(other.DependsOn);

    public override int GetHashCode() => HashCode.Combine(Protect, RetainOnDelete, DependsOn.Count);
}
