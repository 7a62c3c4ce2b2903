using System.Globalization;
using Pipeline.Infra.Aws.CloudWatch;
using Pipeline.Infra.Aws.DynamoDb;
using Pipeline.Infra.Aws.Iam;
using Pipeline.Infra.Aws.Kms;
using Pipeline.Infra.Aws.Lambda;
using Pipeline.Infra.Aws.S3;
using Pipeline.Infra.Aws.Sfn;
using Pipeline.Infra.Aws.Sns;
using Pipeline.Infra.Aws.Sqs;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;
using Pipeline.Workflows.DataPipeline;

namespace Pipeline.Infra.Policy;

/// <summary>
/// Turns the program's inputs into the strings AWS would see: every <c>${resource.output}</c> becomes a
/// concrete example value (account <see cref="Account"/>, region <see cref="Region"/>, the stack's resource
/// names), so policies can be matched against real ARN strings.
/// </summary>
public sealed class InputResolver(Stack stack)
{
    public const string Account = ExampleArnResolver.Account;
    public const string Region = ExampleArnResolver.Region;

    private readonly Dictionary<string, Resource> resources = stack.Resources.ToDictionary(resource => resource.LogicalName, StringComparer.Ordinal);

    public string Resolve(Input input) => input switch
    {
        Literal literal => literal.Value,
        Interpolation interpolation => string.Concat(interpolation.Parts.Select(Resolve)),
        Reference reference => Resolve(reference),
        _ => throw new InvalidOperationException($"Unknown input {input.GetType().Name}."),
    };

    public string Arn(Resource resource) => Resolve(resource.ArnOutput);

    private string Resolve(Reference reference)
    {
        if (reference.Target == LogicalNames.AccountId)
        {
            return Account;
        }

        if (reference.Target == LogicalNames.Region)
        {
            return Region;
        }

        if (!resources.TryGetValue(reference.Target, out var resource))
        {
            // A config value: its key stands in for the value, which the program never knows.
            return "<" + reference.Expression + ">";
        }

        return reference.Property switch
        {
            "arn" => ArnOf(resource),
            "id" or "name" or "bucket" => NameOf(resource),
            "url" => string.Create(CultureInfo.InvariantCulture, $"https://sqs.{Region}.amazonaws.com/{Account}/{NameOf(resource)}"),
            _ => throw new InvalidOperationException($"The policy check cannot resolve {reference}."),
        };
    }

    private static string NameOf(Resource resource) => resource switch
    {
        S3Bucket bucket => bucket.BucketPrefix + "example",
        LambdaFunction function => function.Name,
        SfnStateMachine machine => machine.Name,
        CloudWatchLogGroup logGroup => logGroup.Name,
        CloudWatchEventRule rule => rule.Name,
        CloudWatchMetricAlarm alarm => alarm.Name,
        SqsQueue { Name: { } queueName } => queueName,
        _ => resource.LogicalName,
    };

    private static string ArnOf(Resource resource)
    {
        var name = NameOf(resource);
        return resource switch
        {
            S3Bucket => $"arn:aws:s3:::{name}",
            IamRole => $"arn:aws:iam::{Account}:role/{name}",
            KmsKey => Regional("kms", $"key/{name}"),
            DynamoDbTable => Regional("dynamodb", $"table/{name}"),
            SqsQueue => Regional("sqs", name),
            SnsTopic => Regional("sns", name),
            LambdaFunction => Regional("lambda", $"function:{name}"),
            SfnStateMachine => Regional("states", $"stateMachine:{name}"),
            CloudWatchLogGroup => Regional("logs", $"log-group:{name}"),
            CloudWatchEventRule => Regional("events", $"rule/{name}"),
            CloudWatchMetricAlarm => Regional("cloudwatch", $"alarm:{name}"),
            _ => throw new InvalidOperationException($"The policy check has no ARN form for {resource.TypeToken}."),
        };
    }

    private static string Regional(string service, string resource) => $"arn:aws:{service}:{Region}:{Account}:{resource}";
}
