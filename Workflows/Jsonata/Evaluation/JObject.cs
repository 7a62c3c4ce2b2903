namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>An object at evaluation time: keys keep their insertion order, as in JavaScript.</summary>
internal sealed class JObject : OrderedDictionary<string, object?>
{
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }
}
