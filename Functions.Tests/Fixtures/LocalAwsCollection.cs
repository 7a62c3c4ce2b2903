namespace Pipeline.Functions.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class LocalAwsCollection : ICollectionFixture<LocalAwsFixture>
{
    public const string Name = "LocalAws";
}
