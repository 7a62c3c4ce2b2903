using Amazon.DynamoDBv2;
using Amazon.S3;
using Moq;

namespace Pipeline.Functions.Tests.Catalog;

public sealed class HandlerCatalogTests
{
    private static readonly Dictionary<string, string> FullEnvironment = new()
    {
        [EnvironmentVariables.BucketName] = "bucket",
        [EnvironmentVariables.TableName] = "table",
    };

    public static TheoryData<string> FunctionIdsInCatalog => new(HandlerCatalog.All.Select(f => f.Id));

    [Fact]
    public void Catalog_ShouldDefineExactlyThePipelineFunctionsInWorkflowOrder()
    {
        HandlerCatalog.All.Select(f => f.Id).Should().Equal(
            FunctionIds.LoadBatch, FunctionIds.Validate, FunctionIds.Transform, FunctionIds.Store, FunctionIds.Quarantine);
    }

    [Theory]
    [MemberData(nameof(FunctionIdsInCatalog))]
    public void Handler_ShouldBeTheFunctionId_TheNameTheRuntimeDispatchesOn(string functionId)
    {
        HandlerCatalog.Get(functionId).Handler.Should().Be(functionId);
    }

    [Theory]
    [MemberData(nameof(FunctionIdsInCatalog))]
    public void RequestAndResult_ShouldBeTheHandlersOwnPayloadTypes(string functionId)
    {
        var definition = HandlerCatalog.Get(functionId);

        var handler = definition.Create(Host(FullEnvironment));

        var shape = handler.GetType().BaseType!;
        shape.GetGenericTypeDefinition().Should().Be(typeof(FunctionHandler<,>));
        shape.GetGenericArguments().Should().Equal(definition.Request.Type, definition.Result.Type);
    }

    [Theory]
    [MemberData(nameof(FunctionIdsInCatalog))]
    public void Create_ShouldBuildTheCatalogedHandlerFromGivenClientsAndEnvironment(string functionId)
    {
        var definition = HandlerCatalog.Get(functionId);

        var handler = definition.Create(Host(FullEnvironment));

        handler.GetType().Name.Should().Be($"{functionId}Handler");
    }

    [Theory]
    [MemberData(nameof(FunctionIdsInCatalog))]
    public void Create_WhenARequiredVariableIsMissing_ShouldFailNamingIt(string functionId)
    {
        var definition = HandlerCatalog.Get(functionId);
        foreach (var required in definition.Environment.Where(e => e.Required))
        {
            var environment = FullEnvironment.Where(kv => kv.Key != required.Name).ToDictionary();

            var act = () => definition.Create(Host(environment));

            act.Should().Throw<InvalidConfiguration>().Which.Variable.Should().Be(required.Name);
        }
    }

    [Theory]
    [MemberData(nameof(FunctionIdsInCatalog))]
    public void Create_ShouldNeedNoVariableBeyondTheRequiredOnesItDeclares(string functionId)
    {
        var definition = HandlerCatalog.Get(functionId);
        var declared = definition.Environment.Where(e => e.Required).ToDictionary(e => e.Name, e => "x");

        var act = () => definition.Create(Host(declared));

        act.Should().NotThrow();
    }

    [Fact]
    public void Get_WhenFunctionIsUnknown_ShouldListTheKnownIds()
    {
        var act = () => HandlerCatalog.Get("Notify");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*LoadBatch, Validate, Transform, Store, Quarantine*");
    }

    [Fact]
    public void OnlyStoreMayAccessTheTable()
    {
        HandlerCatalog.All.Where(f => f.Access.Any(a => a.Target == AccessTarget.RecordsTable)).Select(f => f.Id)
            .Should().Equal(FunctionIds.Store);
    }

    [Fact]
    public void StoreMayOnlyPutAndConditionallyUpdateItems()
    {
        HandlerCatalog.Store.Access.Where(a => a.Target == AccessTarget.RecordsTable).SelectMany(a => a.Actions)
            .Should().BeEquivalentTo("dynamodb:BatchWriteItem", "dynamodb:UpdateItem");
    }

    [Fact]
    public void OnlyLoadBatchMayReadUploads()
    {
        HandlerCatalog.All.Where(f => f.Access.Any(a => a.Prefix == StorageLayout.IncomingPrefix)).Select(f => f.Id)
            .Should().Equal(FunctionIds.LoadBatch);
        HandlerCatalog.LoadBatch.Access.Single(a => a.Prefix == StorageLayout.IncomingPrefix).Actions.Should().Equal("s3:GetObject");
    }

    [Fact]
    public void OnlyStoreAndQuarantineMayWriteQuarantineFiles_StoreForTheRecordsTheTableRefuses()
    {
        HandlerCatalog.All.Where(f => f.Access.Any(a => a.Prefix == StorageLayout.QuarantinePrefix)).Select(f => f.Id)
            .Should().Equal(FunctionIds.Store, FunctionIds.Quarantine);
        HandlerCatalog.All.SelectMany(f => f.Access).Where(a => a.Prefix == StorageLayout.QuarantinePrefix)
            .Should().OnlyContain(a => a.Actions.SequenceEqual(new[] { "s3:PutObject" }));
    }

    [Fact]
    public void NoFunctionMayDeleteOrListAnything()
    {
        HandlerCatalog.All.SelectMany(f => f.Access).SelectMany(a => a.Actions)
            .Should().OnlyContain(action => action == "s3:GetObject" || action == "s3:PutObject" || action.StartsWith("dynamodb:", StringComparison.Ordinal))
            .And.NotContain(action => action.Contains("Delete", StringComparison.Ordinal) || action.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBucketGrantIsNarrowedToAPrefix()
    {
        HandlerCatalog.All.SelectMany(f => f.Access).Where(a => a.Target == AccessTarget.IngestBucketObjects)
            .Should().AllSatisfy(a => a.Prefix.Should().NotBeNull($"{a.Purpose} names a prefix").And.EndWith("/", $"{a.Purpose} names a folder"));
    }

    private static FunctionHost Host(IReadOnlyDictionary<string, string> environment) =>
        new(Mock.Of<IAmazonS3>(), Mock.Of<IAmazonDynamoDB>(), environment, TimeProvider.System, (_, _) => Task.CompletedTask);
}
