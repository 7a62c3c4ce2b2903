using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pipeline.Infra.Generators;

namespace Pipeline.Infra.Tests.Generators;

/// <summary>C# source compiled against Infra with the properties generator, as the build of Infra compiles its model.</summary>
internal sealed record GeneratorRun(IReadOnlyList<Diagnostic> Diagnostics, Compilation Output)
{
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    public static GeneratorRun Of(string source)
    {
        var compilation = CSharpCompilation.Create(
            $"Model{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(source)],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new PulumiPropertiesGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(diagnostics, output);
    }

    /// <summary>The properties of the object that the source's <c>Sample.Create()</c> returns.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> SampleProperties()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        var create = Assembly.Load(image.ToArray()).GetType("Sample")!.GetMethod("Create")!;
        return ((IPulumiObject)create.Invoke(null, null)!).Properties();
    }
}
