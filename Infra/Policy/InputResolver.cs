using System.Globalization;
using Pipeline.Infra.Aws;
using Pipeline.Infra.Model;
using Pipeline.Infra.Synthesis;
using Pipeline.Workflows;

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
        _ => resource.LogicalName,
    };

    private static string ArnOf(Resource resource)
    {
        var name = NameOf(resource);
        var regional = $"arn:aws:{{0}}:{Region}:{Account}:";
        return resource switch
        {
            S3Bucket => $"arn:aws:s3:::{name}",
            IamRole => $"arn:aws:iam::{Account}:role/{name}",
            KmsKey => string.Format(CultureInfo.InvariantCulture, regional, "kms") + $"key/{name}",
            DynamoDbTable => string.Format(CultureInfo.InvariantCulture, regional, "dynamodb") + $"table/{name}",
            SqsQueue => string.Format(CultureInfo.InvariantCulture, regional, "sqs") + name,
            SnsTopic => string.Format(CultureInfo.InvariantCulture, regional, "sns") + name,
            LambdaFunction => string.Format(CultureInfo.InvariantCulture, regional, "lambda") + $"function:{name}",
            SfnStateMachine => string.Format(CultureInfo.InvariantCulture, regional, "states") + $"stateMachine:{name}",
            CloudWatchLogGroup => string.Format(CultureInfo.InvariantCulture, regional, "logs") + $"log-group:{name}",
            CloudWatchEventRule => string.Format(CultureInfo.InvariantCulture, regional, "events") + $"rule/{name}",
            CloudWatchMetricAlarm => string.Format(CultureInfo.InvariantCulture, regional, "cloudwatch") + $"alarm:{name}",
            _ => throw new InvalidOperationException($"The policy check has no ARN form for {resource.TypeToken}."),
        };
    }
}
