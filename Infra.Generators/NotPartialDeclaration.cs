using Microsoft.CodeAnalysis;

namespace Pipeline.Infra.Generators;

/// <summary>A type (the Pulumi object itself or one that contains it) declared without <c>partial</c>.</summary>
internal sealed record NotPartialDeclaration(string TypeName, Location Location);
