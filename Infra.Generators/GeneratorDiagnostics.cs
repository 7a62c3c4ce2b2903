using Microsoft.CodeAnalysis;

namespace Pipeline.Infra.Generators;

/// <summary>What the generator reports instead of skipping a Pulumi object.</summary>
internal static class GeneratorDiagnostics
{
    public static readonly DiagnosticDescriptor NotPartial = new(
        id: "INFRAGEN001",
        title: "A Pulumi object and the types that contain it must be partial",
        messageFormat: "'{0}' must be partial: the Properties() of the Pulumi object '{1}' are generated into it",
        category: "Infra.Generators",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
