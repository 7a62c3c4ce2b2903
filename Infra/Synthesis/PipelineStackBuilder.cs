using Pipeline.Functions.Catalog;
using Pipeline.Functions.Storage;
using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Model;
using Pipeline.Infra.Settings;
using Pipeline.Workflows.DataPipeline;
using Pipeline.Workflows.Model;

namespace Pipeline.Infra.Synthesis;

/// <summary>Builds the whole stack for one stack's settings.</summary>
public static class PipelineStackBuilder
{
    /// <summary>Seconds a Lambda task may run beyond the function's own timeout before Step Functions gives up on it.</summary>
    public const int TaskTimeoutMarginSeconds = 30;

    public static Stack Build(StackSettings settings) =>
        Build(settings, variant => PipelineWorkflow.Create(WorkflowOptions(settings), variant), HandlerCatalog.All);

    public static PipelineWorkflowOptions WorkflowOptions(StackSettings settings) => new(
        MaxConcurrency: settings.MapMaxConcurrency,
        TaskTimeoutSeconds: settings.LambdaTimeoutSeconds + TaskTimeoutMarginSeconds,
        ToleratedFailurePercentage: settings.MapToleratedFailurePercentage,
        ExpressMaxObjectBytes: settings.ExpressMaxObjectBytes);

    public static Stack Build(
        StackSettings settings,
        Func<WorkflowVariant, StateMachineDefinition> definitions,
        IReadOnlyList<FunctionDefinition> functions)
    {
        var context = new SynthesisContext(settings, functions);
        var resources = new List<Resource>();
        T Add<T>(T resource) where T : Resource
        {
            resources.Add(resource);
            return resource;
        }

        var email = new ConfigDeclaration(ConfigKeys.NotificationEmail, "string", Secret: true);

        resources.AddRange(KeyBuilder.Build(context));
        var key = resources.OfType<KmsKey>().Single();

        resources.AddRange(BucketBuilder.Build(context, key));
        var ingest = resources.OfType<S3Bucket>().Single(bucket => bucket.LogicalName == LogicalNames.IngestBucket);

        var table = Add(TableBuilder.Build(context, key));
        var deadLetters = Add(MessagingBuilder.DeadLetterQueue(context, key));
        var topic = Add(MessagingBuilder.Topic(key));
        Add(MessagingBuilder.EmailSubscription(topic, email));

        var lambdas = new Dictionary<string, LambdaFunction>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            var built = FunctionBuilder.Build(context, function, key, ingest, table).ToList();
            resources.AddRange(built);
            lambdas[function.Id] = built.OfType<LambdaFunction>().Single();
        }

        var machines = StateMachineBuilder.Build(context, definitions, lambdas, topic, ingest, key).ToList();
        resources.AddRange(machines);
        var standard = machines.OfType<SfnStateMachine>().Single(machine => machine.LogicalName == LogicalNames.StandardMachine);
        var express = machines.OfType<SfnStateMachine>().Single(machine => machine.LogicalName == LogicalNames.ExpressMachine);

        var routing = EventRoutingBuilder.Build(context, ingest, express, deadLetters, key).ToList();
        resources.AddRange(routing);
        var runEnded = RunEndedRuleBuilder.Build(context, standard, topic, deadLetters).ToList();
        resources.AddRange(runEnded);
        Add(MessagingBuilder.DeadLetterQueuePolicy(deadLetters, [.. routing.OfType<CloudWatchEventRule>(), .. runEnded.OfType<CloudWatchEventRule>()]));

        var alarms = AlarmBuilder.Build(context, standard, express, [.. lambdas.Values], deadLetters, topic);
        resources.AddRange(alarms);
        Add(MessagingBuilder.TopicPolicy(topic, alarms, runEnded.OfType<CloudWatchEventRule>()));

        return new Stack(
            settings,
            [email, .. ConfigKeys.Settings.Select(setting => new ConfigDeclaration(setting.Name, setting.Type, Default: DefaultNode(setting.Read(settings))))],
            [AwsAccount.AccountIdVariable, AwsAccount.RegionVariable],
            resources,
            [
                new StackOutput("ingestBucketName", ingest.Output("bucket")),
                new StackOutput("uploadPrefix", StorageLayout.IncomingPrefix),
                new StackOutput("tableName", table.Output("name")),
                new StackOutput("notificationTopicArn", topic.ArnOutput),
                new StackOutput("standardStateMachineArn", standard.ArnOutput),
                new StackOutput("expressStateMachineArn", express.ArnOutput),
            ]);
    }

    private static Node DefaultNode(object value) => value switch
    {
        bool flag => new BoolNode(flag),
        int number => new NumberNode(number),
        long number => new NumberNode(number),
        _ => throw new InvalidOperationException($"Unsupported config default {value.GetType().Name}."),
    };
}
