namespace Pipeline.Local.Tasks;

public enum TaskResourceKind
{
    /// <summary>A plain Lambda function ARN as the Resource (history uses LambdaFunction* events).</summary>
    LambdaFunction,

    /// <summary>An optimized integration, <c>arn:aws:states:::service:action</c> (history uses Task* events).</summary>
    ServiceIntegration,

    /// <summary>Anything else, such as an activity ARN.</summary>
    Other,
}
