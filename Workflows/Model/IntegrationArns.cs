namespace Pipeline.Workflows.Model;

/// <summary>The resource ARNs of the Step Functions service integrations this project writes, checks and runs.</summary>
public static class IntegrationArns
{
    /// <summary>What every optimized integration's ARN starts with: <c>arn:aws:states:::service:action</c>.</summary>
    public const string Prefix = "arn:aws:states:::";

    public const string LambdaInvoke = Prefix + "lambda:invoke";

    public const string SnsPublish = Prefix + "sns:publish";

    /// <summary>Starts an execution and continues without waiting for it (the request-response pattern, which Express allows).</summary>
    public const string StartExecution = Prefix + "states:startExecution";

    /// <summary>A distributed Map's ItemReader: reads the items from an S3 object.</summary>
    public const string S3GetObject = Prefix + "s3:getObject";

    /// <summary>A distributed Map's ResultWriter: writes the child executions' results under an S3 prefix.</summary>
    public const string S3PutObject = Prefix + "s3:putObject";
}
