using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Tests.Policies;

public class StatefulResourcePolicies
{
    private static IEnumerable<Resource> Stateful(Stack stack) =>
        stack.Resources.Where(resource => resource is KmsKey or S3Bucket or DynamoDbTable or CloudWatchLogGroup);

    [Fact]
    public void ProdProtectsAndRetainsItsData() =>
        Stateful(Stacks.Prod).Should().OnlyContain(resource => resource.Options.Protect == true && resource.Options.RetainOnDelete == true);

    [Fact]
    public void DevCanBeTornDown()
    {
        Stateful(Stacks.Dev).Should().OnlyContain(resource => resource.Options.Protect == false && resource.Options.RetainOnDelete == false);
        Stacks.Dev.All<S3Bucket>().Should().OnlyContain(bucket => bucket.ForceDestroy);
        Stacks.Prod.All<S3Bucket>().Should().OnlyContain(bucket => !bucket.ForceDestroy);
    }
}
