using System.Text.RegularExpressions;
using Pipeline.Infra.Model;
using Pipeline.Workflows;

namespace Pipeline.Infra.Synthesis;

/// <summary>
/// Renders the workflow definition with every function and topic bound to its resource's ARN output.
/// The renderer is given placeholders, and the rendered ASL is then split around them: the ASL text
/// becomes literals (escaped on emission, so <c>$$.Map.Item.Value</c> survives Pulumi's interpolation)
/// and the placeholders become <c>${resource.arn}</c> references.
/// </summary>
public static partial class DefinitionBinding
{
    public static Input Render(StateMachineDefinition definition, WorkflowVariant variant, IReadOnlyDictionary<ResourceRef, Reference> targets)
    {
        var resolver = new PlaceholderResolver(targets);
        var asl = AslRenderer.Render(definition, variant, resolver);

        var parts = new List<Input>();
        var position = 0;
        foreach (Match match in Placeholder().Matches(asl))
        {
            if (match.Index > position)
            {
                parts.Add(new Literal(asl[position..match.Index]));
            }

            parts.Add(resolver.Bound[int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)]);
            position = match.Index + match.Length;
        }

        if (position < asl.Length)
        {
            parts.Add(new Literal(asl[position..]));
        }

        return parts.Count == 1 ? parts[0] : new Interpolation(parts);
    }

    [GeneratedRegex("__PIPELINE_RESOURCE_([0-9]+)__")]
    private static partial Regex Placeholder();

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
            return $"__PIPELINE_RESOURCE_{Bound.Count - 1}__";
        }
    }
}
