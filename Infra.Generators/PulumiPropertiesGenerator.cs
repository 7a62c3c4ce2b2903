using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pipeline.Infra.Generators;

/// <summary>
/// Writes <c>Properties()</c> of every concrete <c>IPulumiObject</c> at build time, so that each input is declared
/// once, as a C# property, and the compiler reads no property by reflection when it starts. A Pulumi object that
/// cannot take the generated member (it or a type containing it is not partial) is an error, never skipped.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PulumiPropertiesGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var types = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is TypeDeclarationSyntax and not InterfaceDeclarationSyntax,
                static (syntax, cancellationToken) => PulumiObjectReader.Read(syntax, cancellationToken))
            .Where(static type => type is not null)
            .Select(static (type, _) => type!);

        context.RegisterSourceOutput(types, static (output, type) =>
        {
            if (type.NotPartial.IsEmpty)
            {
                output.AddSource(PropertiesSource.HintName(type), PropertiesSource.Write(type));
                return;
            }

            foreach (var declaration in type.NotPartial)
            {
                output.ReportDiagnostic(Diagnostic.Create(
                    GeneratorDiagnostics.NotPartial, declaration.Location, declaration.TypeName, type.DisplayName));
            }
        });
    }
}
