using IntegrationArns = Pipeline.Workflows.Model.IntegrationArns;

namespace Pipeline.Local.Tasks;

/// <summary>A Task state's Resource ARN, taken apart.</summary>
/// <param name="Arn">The Resource as written.</param>
/// <param name="Kind">What sort of resource it is.</param>
/// <param name="ResourceType">The service, as AWS reports it in TaskScheduled (e.g. "lambda", "sns").</param>
/// <param name="ResourceName">The action with any pattern suffix (e.g. "invoke", "publish"), or the function name.</param>
public sealed record TaskResource(string Arn, TaskResourceKind Kind, string ResourceType, string ResourceName)
{
    /// <summary>Whether running this task invokes a Lambda function (a plain ARN or lambda:invoke).</summary>
    public bool InvokesLambda =>
        Kind == TaskResourceKind.LambdaFunction
        || (Kind == TaskResourceKind.ServiceIntegration && ResourceType == "lambda" && ResourceName == "invoke");

    public static TaskResource Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        if (arn.StartsWith(IntegrationArns.Prefix, StringComparison.Ordinal))
        {
            var rest = arn[IntegrationArns.Prefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return new TaskResource(arn, TaskResourceKind.ServiceIntegration, rest[..colon], rest[(colon + 1)..]);
            }
        }

        return FunctionNameFrom(arn) is { } name && arn.StartsWith("arn:", StringComparison.Ordinal)
            ? new TaskResource(arn, TaskResourceKind.LambdaFunction, "lambda", name)
            : new TaskResource(arn, TaskResourceKind.Other, string.Empty, arn);
    }

    /// <summary>
    /// The function name in any form Lambda accepts: a name, a full ARN or a partial ARN
    /// (<c>123456789012:function:name</c>), each with an optional version or alias qualifier.
    /// </summary>
    public static string? FunctionNameFrom(string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        var parts = nameOrArn.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function")
        {
            return parts[6];
        }

        if (parts.Length >= 3 && parts[1] == "function")
        {
            return parts[2];
        }

        return parts.Length <= 2 && parts[0].Length > 0 && parts[0] != "arn" ? parts[0] : null;
    }
}

public enum TaskResourceKind
{
    /// <summary>A plain Lambda function ARN as the Resource (history uses LambdaFunction* events).</summary>
    LambdaFunction,

    /// <summary>An optimized integration, <c>arn:aws:states:::service:action</c> (history uses Task* events).</summary>
    ServiceIntegration,

    /// <summary>Anything else, such as an activity ARN.</summary>
    Other,
}
