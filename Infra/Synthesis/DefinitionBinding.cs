using System.Globalization;
using Pipeline.Infra.Model;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Rendering;
using Pipeline.Workflows.Resources;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// Renders the workflow definition with every function and topic bound to its resource's ARN output.
/// The renderer is given placeholders, and the rendered ASL is then split around them: the ASL text
/// becomes literals (escaped on emission, so <c>$$.Map.Item.Value</c> survives Pulumi's interpolation)
/// and the placeholders become <c>${resource.arn}</c> references.
/// </summary>
public static class DefinitionBinding
{
    public static Input Render(StateMachineDefinition definition, WorkflowVariant variant, IReadOnlyDictionary<ResourceRef, Reference> targets)
    {
        var resolver = new PlaceholderResolver(targets);
        var asl = AslRenderer.Render(definition, variant, resolver);

        var parts = new List<Input>();
        var position = 0;
        while (asl.IndexOf(PlaceholderStart, position, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = asl.IndexOf(PlaceholderEnd, start + PlaceholderStart.Length, StringComparison.Ordinal);
            var index = int.Parse(asl.AsSpan(start + PlaceholderStart.Length, end - start - PlaceholderStart.Length), CultureInfo.InvariantCulture);
            if (start > position)
            {
                parts.Add(new Literal(asl[position..start]));
            }

            parts.Add(resolver.Bound[index]);
            position = end + PlaceholderEnd.Length;
        }

        if (position < asl.Length)
        {
            parts.Add(new Literal(asl[position..]));
        }

        return parts.Count == 1 ? parts[0] : new Interpolation(parts);
    }

    private const string PlaceholderStart = "__PIPELINE_RESOURCE_";
    private const string PlaceholderEnd = "__";

    private sealed class PlaceholderResolver(IReadOnlyDictionary<ResourceRef, Reference> targets) : IResourceResolver
    {
        public List<Reference> Bound { get; } = [];

        public string Resolve(ResourceRef reference)
        {
            if (!targets.TryGetValue(reference, out var target))
            {
                throw new InvalidOperationException($"The workflow uses {reference}, which the program does not deploy.");
            }

            Bound.Add(target);
            return string.Create(CultureInfo.InvariantCulture, $"{PlaceholderStart}{Bound.Count - 1}{PlaceholderEnd}");
        }
    }
}
