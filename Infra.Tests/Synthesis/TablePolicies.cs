namespace Pipeline.Infra.Tests.Synthesis;

public class TablePolicies
{
    [Fact]
    public void ProdTableHasDeletionProtection() =>
        Stacks.Prod.Get<DynamoDbTable>(LogicalNames.Table).DeletionProtectionEnabled.Should().BeTrue();

    [Fact]
    public void DevTableCanBeDeleted() =>
        Stacks.Dev.Get<DynamoDbTable>(LogicalNames.Table).DeletionProtectionEnabled.Should().BeFalse();

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void TableIsOnDemandEncryptedWithTheProjectKeyAndRecoverable(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var table = stack.Get<DynamoDbTable>(LogicalNames.Table);

        table.BillingMode.Should().Be("PAY_PER_REQUEST");
        table.ServerSideEncryption.Enabled.Should().BeTrue();
        table.ServerSideEncryption.KmsKeyArn.Should().Be(stack[LogicalNames.Key].ArnOutput);
        table.PointInTimeRecovery.Enabled.Should().BeTrue();
    }

    [Fact]
    public void TableKeysAreDeclaredAttributes()
    {
        var table = Stacks.Dev.Get<DynamoDbTable>(LogicalNames.Table);

        table.Attributes.Select(attribute => attribute.Name).Should().Equal(table.HashKey, table.RangeKey);
    }
}
