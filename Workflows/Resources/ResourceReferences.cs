using System.Collections.Immutable;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Resources;

/// <summary>
/// What a definition touches: the logical function, topic, state machine and bucket ids in its payloads and the integration ARNs
/// of its Task states (e.g. <c>arn:aws:states:::lambda:invoke</c>). Sorted and distinct.
/// </summary>
public sealed record ResourceReferences(
    ImmutableArray<string> FunctionIds,
    ImmutableArray<string> TopicIds,
    ImmutableArray<string> StateMachineIds,
    ImmutableArray<string> BucketIds,
    ImmutableArray<string> IntegrationArns)
{
    internal static ResourceReferences Of(StateMachineDefinition definition)
    {
        var states = StateList.Walk(definition.Graph).Select(entry => entry.State).ToList();
        var references = states.SelectMany(state => state.Payloads()).SelectMany(payload => ReferencesIn(payload.Value)).ToList();
        return new ResourceReferences(
            IdsOf(references, ResourceKind.Function),
            IdsOf(references, ResourceKind.Topic),
            IdsOf(references, ResourceKind.StateMachine),
            IdsOf(references, ResourceKind.Bucket),
            [.. states.OfType<TaskState>().Select(task => task.Resource).Distinct().Order(StringComparer.Ordinal)]);
    }

    private static ImmutableArray<string> IdsOf(IEnumerable<ResourceRef> references, ResourceKind kind) =>
        [.. references.Where(reference => reference.Kind == kind).Select(reference => reference.Id).Distinct().Order(StringComparer.Ordinal)];

    private static IEnumerable<ResourceRef> ReferencesIn(PayloadValue value) => value switch
    {
        PayloadResource resource => [resource.Reference],
        PayloadObject obj => obj.Fields.SelectMany(field => ReferencesIn(field.Value)),
        PayloadArray array => array.Items.SelectMany(ReferencesIn),
        _ => [],
    };
}
