namespace Pipeline.Infra.Tests.Synthesis;

public class StatefulResourcePolicies
{
    private static IEnumerable<Resource> Stateful(Stack stack) =>
        stack.Resources.Where(resource => resource is KmsKey or S3Bucket or DynamoDbTable or CloudWatchLogGroup);

    [Fact]
    public void ProdProtectsAndRetainsItsData() =>
        Stateful(Stacks.Prod).Should().AllSatisfy(resource =>
        {
            resource.Options.Protect.Should().BeTrue($"{resource.LogicalName} is protected");
            resource.Options.RetainOnDelete.Should().BeTrue($"{resource.LogicalName} is retained on delete");
        });

    [Fact]
    public void DevCanBeTornDown()
    {
        Stateful(Stacks.Dev).Should().AllSatisfy(resource =>
        {
            resource.Options.Protect.Should().Be(false, $"{resource.LogicalName} can be destroyed");
            resource.Options.RetainOnDelete.Should().Be(false, $"{resource.LogicalName} goes with the stack");
        });
        Stacks.Dev.All<S3Bucket>().Should().AllSatisfy(bucket => bucket.ForceDestroy.Should().BeTrue($"dev's {bucket.LogicalName} can be destroyed with objects in it"));
        Stacks.Prod.All<S3Bucket>().Should().AllSatisfy(bucket => bucket.ForceDestroy.Should().BeFalse($"prod's {bucket.LogicalName} keeps its objects"));
    }
}
