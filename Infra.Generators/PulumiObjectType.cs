namespace Pipeline.Infra.Generators;

/// <summary>
/// A concrete type implementing <c>IPulumiObject</c>, as the generator writes its <c>Properties()</c>: where it is
/// declared, whether that overrides a base's, its inputs in declaration order, and the declarations that are not
/// partial (when there are any, nothing is generated and each is reported).
/// </summary>
internal sealed record PulumiObjectType(
    string DisplayName,
    string? Namespace,
    EquatableArray<TypeHeader> Containers,
    TypeHeader Header,
    bool OverridesBase,
    EquatableArray<WireProperty> Properties,
    EquatableArray<NotPartialDeclaration> NotPartial);
