namespace Pipeline.Local.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class LocalServersCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "Local servers";
}
