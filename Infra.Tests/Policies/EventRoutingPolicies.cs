using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Tests.Policies;

public class EventRoutingPolicies
{
    /// <summary>The state machine an S3 object of <paramref name="size"/> bytes under the upload prefix starts.</summary>
    private static IReadOnlyList<string> MachinesStartedFor(Stack stack, string key, long size) =>
        stack.All<CloudWatchEventRule>()
            .Where(rule => key.StartsWith(rule.EventPattern.KeyPrefix, StringComparison.Ordinal) && rule.EventPattern.MatchesSize(size))
            .SelectMany(rule => stack.All<CloudWatchEventTarget>().Where(target => target.Rule == rule.Output("name")))
            .Select(target => ((Reference)target.Arn).Target)
            .ToList();

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void LargeObjectsRouteToTheStandardMachine(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var threshold = stack.Settings.ExpressMaxObjectBytes;

        MachinesStartedFor(stack, "incoming/big.csv", threshold).Should().Equal(LogicalNames.StandardMachine);
        MachinesStartedFor(stack, "incoming/huge.csv", threshold * 100).Should().Equal(LogicalNames.StandardMachine);
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void SmallObjectsRouteToTheExpressMachine(string stackName)
    {
        var stack = Stacks.Named(stackName);

        MachinesStartedFor(stack, "incoming/small.json", stack.Settings.ExpressMaxObjectBytes - 1).Should().Equal(LogicalNames.ExpressMachine);
        MachinesStartedFor(stack, "incoming/empty.json", 0).Should().Equal(LogicalNames.ExpressMachine);
    }

    [Fact]
    public void ObjectsOutsideTheUploadPrefixStartNothing() =>
        MachinesStartedFor(Stacks.Dev, "staging/run-1/chunk-0.json", 10).Should().BeEmpty();

    [Fact]
    public void ThresholdComesFromTheStackFile()
    {
        Stacks.Dev.Settings.ExpressMaxObjectBytes.Should().Be(1_048_576);
        Stacks.Prod.Settings.ExpressMaxObjectBytes.Should().Be(5_242_880);
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryTargetHasADeadLetterQueueAndARetryPolicy(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var targets = stack.All<CloudWatchEventTarget>().ToList();

        targets.Should().HaveCount(2);
        targets.Should().OnlyContain(target =>
            target.DeadLetterConfig.Arn == stack[LogicalNames.DeadLetterQueue].ArnOutput
            && target.RetryPolicy.MaximumRetryAttempts == stack.Settings.EventRetryAttempts
            && target.RetryPolicy.MaximumEventAgeInSeconds == stack.Settings.EventMaxAgeSeconds
            && target.RoleArn == stack[LogicalNames.EventsRole].ArnOutput);
    }

    [Fact]
    public void RulesMatchObjectCreatedEventsOfTheIngestBucket()
    {
        var stack = Stacks.Dev;

        stack.All<CloudWatchEventRule>().Should().OnlyContain(rule =>
            rule.EventPattern.BucketName == stack[LogicalNames.IngestBucket].Output("bucket")
            && rule.EventPattern.KeyPrefix == "incoming/");
    }
}
