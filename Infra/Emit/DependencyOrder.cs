using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>
/// Orders resources so each comes after every resource it references or depends on, keeping the model's
/// order otherwise. Pulumi needs no order, but a TypeScript program does, and a cycle is an error in both.
/// </summary>
public static class DependencyOrder
{
    public static IReadOnlyList<Resource> Sort(IReadOnlyList<Resource> resources)
    {
        var byName = resources.ToDictionary(resource => resource.LogicalName, StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var ordered = new List<Resource>(resources.Count);

        void Visit(Resource resource, Stack<string> path)
        {
            if (state.TryGetValue(resource.LogicalName, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException(
                        $"Dependency cycle: {string.Join(" -> ", path.Reverse().SkipWhile(name => name != resource.LogicalName))} -> {resource.LogicalName}.");
                }

                return;
            }

            state[resource.LogicalName] = false;
            path.Push(resource.LogicalName);
            foreach (var dependency in Dependencies(resource).Where(byName.ContainsKey))
            {
                Visit(byName[dependency], path);
            }

            path.Pop();
            state[resource.LogicalName] = true;
            ordered.Add(resource);
        }

        foreach (var resource in resources)
        {
            Visit(resource, new Stack<string>());
        }

        return ordered;
    }

    /// <summary>The logical names a resource refers to in its properties or lists in <c>dependsOn</c>.</summary>
    public static IEnumerable<string> Dependencies(Resource resource) =>
        References(PropertyLowering.Properties(resource)).Select(reference => reference.Target)
            .Concat(resource.Options.DependsOn)
            .Distinct(StringComparer.Ordinal);

    public static IEnumerable<Reference> References(Node node) => node switch
    {
        ObjectNode obj => obj.Members.SelectMany(member => References(member.Value)),
        ArrayNode array => array.Items.SelectMany(References),
        StringNode text => text.Text.References(),
        FunctionNode function => References(function.Argument),
        _ => [],
    };
}
