using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Tests.Synthesis;

public class EventRoutingPolicies
{
    /// <summary>The state machines an S3 object under <paramref name="key"/> starts, whatever its size: no rule compares sizes.</summary>
    private static IReadOnlyList<string> MachinesStartedFor(Stack stack, string key) =>
        stack.All<CloudWatchEventRule>()
            .Where(rule => key.StartsWith(rule.EventPattern.KeyPrefix, StringComparison.Ordinal))
            .SelectMany(rule => stack.All<CloudWatchEventTarget>().Where(target => target.Rule == rule.Output("name")))
            .Select(target => ((Reference)target.Arn).Target)
            .ToList();

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryUploadStartsTheExpressMachine(string stackName) =>
        MachinesStartedFor(Stacks.Named(stackName), "incoming/any.csv").Should().Equal(LogicalNames.ExpressMachine);

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void NoRuleComparesNumbers_SoNoObjectSizeFallsOutsideEventBridgesNumericRange(string stackName)
    {
        foreach (var rule in Stacks.Named(stackName).All<CloudWatchEventRule>())
        {
            Keys(rule.EventPattern.ToNode()).Should().NotContain("numeric", $"{rule.LogicalName} would miss objects beyond ±1e9 bytes");
        }
    }

    private static IEnumerable<string> Keys(Node node) => node switch
    {
        ObjectNode obj => obj.Members.SelectMany(member => Keys(member.Value).Prepend(member.Key)),
        ArrayNode array => array.Items.SelectMany(Keys),
        _ => [],
    };

    [Fact]
    public void ObjectsOutsideTheUploadPrefixStartNothing() =>
        MachinesStartedFor(Stacks.Dev, "staging/run-1/chunk-0.json").Should().BeEmpty();

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

        targets.Should().ContainSingle();
        targets.Should().AllSatisfy(target =>
        {
            target.DeadLetterConfig.Arn.Should().Be(stack[LogicalNames.DeadLetterQueue].ArnOutput, $"{target.LogicalName} dead-letters to the queue");
            target.RetryPolicy.MaximumRetryAttempts.Should().Be(stack.Settings.EventRetryAttempts, $"{target.LogicalName} retries");
            target.RetryPolicy.MaximumEventAgeInSeconds.Should().Be(stack.Settings.EventMaxAgeSeconds, $"{target.LogicalName} keeps events");
            target.RoleArn.Should().Be(stack[LogicalNames.EventsRole].ArnOutput, $"{target.LogicalName} starts with the EventBridge role");
        });
    }

    [Fact]
    public void RulesMatchObjectCreatedEventsOfTheIngestBucket()
    {
        var stack = Stacks.Dev;

        stack.All<CloudWatchEventRule>().Should().AllSatisfy(rule =>
        {
            rule.EventPattern.BucketName.Should().Be(stack[LogicalNames.IngestBucket].Output("bucket"), $"{rule.LogicalName} watches the ingest bucket");
            rule.EventPattern.KeyPrefix.Should().Be("incoming/", $"{rule.LogicalName} watches the upload prefix");
        });
    }
}
