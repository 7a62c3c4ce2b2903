namespace Pipeline.Workflows.Resources;

/// <summary>
/// A logical resource named by id (e.g. the function <c>Store</c>, the topic <c>NotificationTopic</c>, the state machine <c>StandardMachine</c>).
/// The renderer asks an <see cref="IResourceResolver"/> for the string to put in the ASL.
/// </summary>
public sealed record ResourceRef(ResourceKind Kind, string Id)
{
    public static ResourceRef Function(string id) => new(ResourceKind.Function, id);

    public static ResourceRef Topic(string id) => new(ResourceKind.Topic, id);

    public static ResourceRef StateMachine(string id) => new(ResourceKind.StateMachine, id);

    /// <summary>A bucket, rendered as its name.</summary>
    public static ResourceRef Bucket(string id) => new(ResourceKind.Bucket, id);

    public override string ToString() => $"{Kind}:{Id}";
}
