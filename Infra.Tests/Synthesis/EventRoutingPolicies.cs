namespace Pipeline.Infra.Tests.Synthesis;

public class EventRoutingPolicies
{
    /// <summary>The state machines an S3 object under <paramref name="key"/> starts, whatever its size: no rule compares sizes.</summary>
    private static IReadOnlyList<string> MachinesStartedFor(Stack stack, string key) =>
        UploadRules(stack)
            .Where(rule => key.StartsWith(rule.Pattern.KeyPrefix, StringComparison.Ordinal))
            .Select(rule => rule.Rule)
            .SelectMany(rule => stack.All<CloudWatchEventTarget>().Where(target => target.Rule == rule.Output("name")))
            .Select(target => ((Reference)target.Arn).Target)
            .ToList();

    private static IEnumerable<(CloudWatchEventRule Rule, EventPattern Pattern)> UploadRules(Stack stack) =>
        stack.All<CloudWatchEventRule>().Where(rule => rule.EventPattern is EventPattern).Select(rule => (rule, (EventPattern)rule.EventPattern));

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
    public void EveryTargetHasADeadLetterQueueAndARetryPolicy_AndOnlyTheUploadTargetARole(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var targets = stack.All<CloudWatchEventTarget>().ToList();

        targets.Select(target => target.LogicalName).Should().BeEquivalentTo(
            LogicalNames.Target(LogicalNames.UploadRule), LogicalNames.Target(LogicalNames.RunEndedRule));
        targets.Should().AllSatisfy(target =>
        {
            target.DeadLetterConfig.Arn.Should().Be(stack[LogicalNames.DeadLetterQueue].ArnOutput, $"{target.LogicalName} dead-letters to the queue");
            target.RetryPolicy.MaximumRetryAttempts.Should().Be(stack.Settings.EventRetryAttempts, $"{target.LogicalName} retries");
            target.RetryPolicy.MaximumEventAgeInSeconds.Should().Be(stack.Settings.EventMaxAgeSeconds, $"{target.LogicalName} keeps events");
            target.RoleArn.Should().Be(target.LogicalName == LogicalNames.Target(LogicalNames.UploadRule) ? stack[LogicalNames.EventsRole].ArnOutput : null,
                $"{target.LogicalName}: the upload rule starts with the EventBridge role; the topic's policy admits the run-ended rule");
        });
    }

    [Fact]
    public void UploadRulesMatchObjectCreatedEventsOfTheIngestBucket()
    {
        var stack = Stacks.Dev;

        UploadRules(stack).Should().ContainSingle().And.AllSatisfy(upload =>
        {
            upload.Pattern.BucketName.Should().Be(stack[LogicalNames.IngestBucket].Output("bucket"), $"{upload.Rule.LogicalName} watches the ingest bucket");
            upload.Pattern.KeyPrefix.Should().Be("incoming/", $"{upload.Rule.LogicalName} watches the upload prefix");
        });
    }

    /// <summary>
    /// Step Functions sends "Execution Status Change" events for Standard executions only (developer guide, "EventBridge
    /// for Step Functions execution status changes"): the rule watches the Standard machine's ends without success and
    /// sends the topic a message naming the execution, with each placeholder given an input path.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void TheRunEndedRule_NotifiesTheTopicOfStandardExecutionsThatEndWithoutSuccess(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var rule = stack.All<CloudWatchEventRule>().Single(rule => rule.LogicalName == LogicalNames.RunEndedRule);
        var target = stack.All<CloudWatchEventTarget>().Single(target => target.Rule == rule.Output("name"));

        var pattern = rule.EventPattern.Should().BeOfType<ExecutionStatusPattern>().Subject;
        pattern.StateMachineArn.Should().Be(stack[LogicalNames.StandardMachine].ArnOutput);
        pattern.Statuses.Should().BeEquivalentTo("FAILED", "TIMED_OUT", "ABORTED");
        Keys(pattern.ToNode()).Should().Contain(["source", "detail-type", "stateMachineArn", "status"]);
        target.Arn.Should().Be(stack[LogicalNames.Topic].ArnOutput);
        var transformer = target.InputTransformer!;
        transformer.InputPaths.Keys.Should().BeEquivalentTo("name", "status", "execution");
        transformer.InputPaths.Values.Should().AllSatisfy(path => path.ToString().Should().StartWith("$.detail."));
        System.Text.RegularExpressions.Regex.Matches(transformer.InputTemplate, "<([a-z]+)>").Select(match => match.Groups[1].Value).Distinct()
            .Should().BeEquivalentTo(transformer.InputPaths.Keys, "every placeholder of the template has an input path, and every path is used");
        System.Text.Json.JsonDocument.Parse(transformer.InputTemplate.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal))
            .RootElement.ValueKind.Should().Be(System.Text.Json.JsonValueKind.String, "a string template reaches SNS as plain text");
    }
}
