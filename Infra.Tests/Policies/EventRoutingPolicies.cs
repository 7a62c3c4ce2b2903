using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Tests.Policies;

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
