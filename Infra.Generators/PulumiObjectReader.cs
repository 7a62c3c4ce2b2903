using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pipeline.Infra.Generators;

/// <summary>
/// Reads a type declaration into a <see cref="PulumiObjectType"/> when it declares a concrete <c>IPulumiObject</c>.
/// Its inputs are its own public instance properties that have a setter or init accessor, named by the camelCase of
/// the C# name unless <c>[WireName]</c> gives the name; <c>[WireName]</c> on a property without one (a computed value)
/// makes it an input too. Inherited properties (a resource's logical name and options) are not inputs.
/// </summary>
internal static class PulumiObjectReader
{
    public const string PulumiObjectInterface = "Pipeline.Infra.Model.IPulumiObject";
    public const string WireNameAttribute = "Pipeline.Infra.Model.WireNameAttribute";
    private const string PropertiesMethod = "Properties";

    public static PulumiObjectType? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { IsAbstract: false } type
            || type.TypeKind == TypeKind.Interface
            || type.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) != declaration)
        {
            return null;
        }

        var compilation = context.SemanticModel.Compilation;
        var pulumiObject = compilation.GetTypeByMetadataName(PulumiObjectInterface);
        if (pulumiObject is null || !type.AllInterfaces.Contains(pulumiObject, SymbolEqualityComparer.Default))
        {
            return null;
        }

        var wireName = compilation.GetTypeByMetadataName(WireNameAttribute);
        var containers = Containers(type).ToImmutableArray();
        return new PulumiObjectType(
            type.ToDisplayString(),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            new EquatableArray<TypeHeader>(containers.Select(container => Header(FirstDeclaration(container))).ToImmutableArray()),
            Header(declaration),
            OverridesBase(type),
            new EquatableArray<WireProperty>(Inputs(type, wireName).ToImmutableArray()),
            new EquatableArray<NotPartialDeclaration>(containers.Add(type)
                .Where(candidate => !FirstDeclaration(candidate).Modifiers.Any(SyntaxKind.PartialKeyword))
                .Select(candidate => new NotPartialDeclaration(
                    candidate.ToDisplayString(),
                    FirstDeclaration(candidate).Identifier.GetLocation()))
                .ToImmutableArray()));
    }

    private static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static IEnumerable<WireProperty> Inputs(INamedTypeSymbol type, INamedTypeSymbol? wireNameAttribute)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
            {
                continue;
            }

            var wireName = property.GetAttributes()
                .Where(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, wireNameAttribute))
                .Select(attribute => attribute.ConstructorArguments[0].Value as string)
                .FirstOrDefault();
            if (wireName is not null || (property.SetMethod is not null && !property.IsOverride))
            {
                yield return new WireProperty(wireName ?? CamelCase(property.Name), property.Name);
            }
        }
    }

    private static bool OverridesBase(INamedTypeSymbol type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.GetMembers(PropertiesMethod).OfType<IMethodSymbol>()
                .Any(method => method.Parameters.IsEmpty && (method.IsAbstract || method.IsVirtual || method.IsOverride)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> Containers(INamedTypeSymbol type)
    {
        var containers = new Stack<INamedTypeSymbol>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            containers.Push(container);
        }

        return containers;
    }

    private static TypeDeclarationSyntax FirstDeclaration(INamedTypeSymbol type) =>
        (TypeDeclarationSyntax)type.DeclaringSyntaxReferences[0].GetSyntax();

    private static TypeHeader Header(TypeDeclarationSyntax declaration) => new(
        declaration switch
        {
            RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            _ => "class",
        },
        declaration.Identifier.ValueText + declaration.TypeParameterList);
}
