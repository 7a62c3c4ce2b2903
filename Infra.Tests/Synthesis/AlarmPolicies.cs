namespace Pipeline.Infra.Tests.Synthesis;

public class AlarmPolicies
{
    [Fact]
    public void ProdAlarmsNotifyTheTopic()
    {
        var stack = Stacks.Prod;

        stack.All<CloudWatchMetricAlarm>().Should().AllSatisfy(alarm =>
        {
            alarm.ActionsEnabled.Should().BeTrue($"{alarm.LogicalName} notifies");
            alarm.AlarmActions.Should().Equal([stack[LogicalNames.Topic].ArnOutput], $"{alarm.LogicalName} notifies the topic");
        });
    }

    [Fact]
    public void DevAlarmsExistButStayQuiet() =>
        Stacks.Dev.All<CloudWatchMetricAlarm>().Should().HaveCount(19).And.AllSatisfy(alarm => alarm.ActionsEnabled.Should().BeFalse(alarm.LogicalName));

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void AlarmsWatchEveryBadEndOfAnExecutionOrAnInvocationAndTheDeadLetterQueue(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var watched = stack.All<CloudWatchMetricAlarm>()
            .Select(alarm => $"{alarm.Namespace} {alarm.MetricName} {alarm.Dimensions.Single().Key}={PolicyInspection.Text(alarm.Dimensions.Single().Value)}")
            .ToList();

        string[] machines = ["${standardStateMachine.arn}", "${expressStateMachine.arn}"];
        watched.Should().BeEquivalentTo(
            machines.SelectMany(machine => new[] { "ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted", "ExecutionThrottled" }
                    .Select(metric => $"AWS/States {metric} StateMachineArn={machine}"))
                .Concat(stack.All<LambdaFunction>().SelectMany(function => new[] { "Errors", "Throttles" }.Select(metric => $"AWS/Lambda {metric} FunctionName={function.Name}")))
                .Append($"AWS/SQS ApproximateNumberOfMessagesVisible QueueName={stack.Settings.NamePrefix}-dead-letters"));
    }

    [Fact]
    public void OnlyThePipelinesAlarmsMayPublishToTheTopic()
    {
        var stack = Stacks.Prod;
        var publish = stack.Get<SnsTopicPolicy>(LogicalNames.Topic + "Policy").Policy.Statements.Single(statement => statement.Sid == "PipelineAlarmsPublish");

        publish.Principal.Should().Be(PolicyPrincipal.Service("cloudwatch.amazonaws.com"));
        publish.Conditions.Single(condition => condition.Key == "aws:SourceArn").Values.Select(PolicyInspection.Text)
            .Should().BeEquivalentTo(stack.All<CloudWatchMetricAlarm>().Select(alarm => $"arn:aws:cloudwatch:${{region}}:${{accountId}}:alarm:{alarm.Name}"));
    }
}
