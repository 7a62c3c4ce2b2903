namespace Pipeline.Infra.Tests.Synthesis;

public class IngestBucketPolicies
{
    private static T ForIngest<T>(Stack stack) where T : Resource =>
        stack.All<T>().Single(resource => resource.LogicalName.StartsWith(LogicalNames.IngestBucket, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void IngestBucketIsEncryptedWithTheProjectKey(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var encryption = ForIngest<S3BucketServerSideEncryptionConfiguration>(stack);

        encryption.Bucket.Should().Be(stack[LogicalNames.IngestBucket].IdOutput);
        var rule = encryption.Rules.Should().ContainSingle().Subject;
        rule.ApplyServerSideEncryptionByDefault.SseAlgorithm.Should().Be("aws:kms");
        rule.ApplyServerSideEncryptionByDefault.KmsMasterKeyId.Should().Be(stack[LogicalNames.Key].ArnOutput);
        rule.BucketKeyEnabled.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void BucketsMustNotBePublic(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var blocks = stack.All<S3BucketPublicAccessBlock>().ToList();

        blocks.Select(block => ((Reference)block.Bucket).Target)
            .Should().BeEquivalentTo(stack.All<S3Bucket>().Select(bucket => bucket.LogicalName));
        blocks.Should().AllSatisfy(block =>
        {
            block.BlockPublicAcls.Should().BeTrue($"{block.LogicalName} BlockPublicAcls");
            block.BlockPublicPolicy.Should().BeTrue($"{block.LogicalName} BlockPublicPolicy");
            block.IgnorePublicAcls.Should().BeTrue($"{block.LogicalName} IgnorePublicAcls");
            block.RestrictPublicBuckets.Should().BeTrue($"{block.LogicalName} RestrictPublicBuckets");
        });
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void BucketsAcceptOnlyTls(string stackName)
    {
        var stack = Stacks.Named(stackName);
        foreach (var bucket in stack.All<S3Bucket>())
        {
            var policy = stack.All<S3BucketPolicy>().Single(candidate => candidate.Bucket == bucket.IdOutput).Policy;
            var deny = policy.Statements.Should().ContainSingle(statement => statement.Effect == PolicyEffect.Deny).Subject;
            deny.Principal.Should().Be(PolicyPrincipal.Anyone);
            deny.Actions.Should().Equal("s3:*");
            deny.Resources.Select(PolicyInspection.Text).Should().Equal($"${{{bucket.LogicalName}.arn}}", $"${{{bucket.LogicalName}.arn}}/*");
            deny.Conditions.Should().ContainSingle().Which.Should().Be(PolicyCondition.Bool("aws:SecureTransport", false));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void IngestBucketIsVersionedAndLogsAccessToTheLogBucket(string stackName)
    {
        var stack = Stacks.Named(stackName);

        ForIngest<S3BucketVersioning>(stack).VersioningConfiguration.Status.Should().Be("Enabled");
        var logging = ForIngest<S3BucketLogging>(stack);
        logging.TargetBucket.Should().Be(stack[LogicalNames.LogBucket].IdOutput);
        var delivery = stack.Get<S3BucketPolicy>(LogicalNames.LogBucket + "Policy").Policy.Statements
            .Single(statement => statement.Principal == PolicyPrincipal.Service("logging.s3.amazonaws.com"));
        delivery.Resources.Select(PolicyInspection.Text).Should().Equal($"${{{LogicalNames.LogBucket}.arn}}/{logging.TargetPrefix}*");
        delivery.Conditions.Should().Contain(PolicyCondition.ArnLike("aws:SourceArn", stack[LogicalNames.IngestBucket].ArnOutput));
    }

    [Fact]
    public void LogBucketUsesSseS3BecauseAccessLogsCannotTargetKmsBuckets()
    {
        var encryption = Stacks.Prod.Get<S3BucketServerSideEncryptionConfiguration>(LogicalNames.LogBucket + "Encryption");

        encryption.Rules.Single().ApplyServerSideEncryptionByDefault.SseAlgorithm.Should().Be("AES256");
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void WorkObjectsExpireAfterTheStacksDays(string stackName)
    {
        var stack = Stacks.Named(stackName);

        var rules = ForIngest<S3BucketLifecycleConfiguration>(stack).Rules.Where(candidate => candidate.Filter.Prefix == "staging/").ToList();

        rules.Should().OnlyContain(rule => rule.Status == "Enabled");
        var expire = rules.Single(rule => rule.Expiration!.Days is not null);
        expire.Expiration!.Days.Should().Be(stack.Settings.WorkExpirationDays);
        expire.NoncurrentVersionExpiration!.NoncurrentDays.Should().Be(1, "an expired staging object's old version goes the next day, not after the bucket's 30");
        rules.Should().ContainSingle(rule => rule.Expiration!.ExpiredObjectDeleteMarker == true, "the delete markers expiry leaves are removed too");
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void IngestBucketSendsItsEventsToEventBridge(string stackName)
    {
        var notification = ForIngest<S3BucketNotification>(Stacks.Named(stackName));

        notification.Eventbridge.Should().BeTrue();
    }
}
