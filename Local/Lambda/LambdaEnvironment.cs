using System.Globalization;

namespace Pipeline.Local.Lambda;

/// <summary>
/// The environment an OS-only runtime's process starts with, as the Lambda developer guide lists it ("Defined runtime
/// environment variables"): the reserved variables, then the function's own. Nothing of the calling process leaks in.
/// </summary>
public static class LambdaEnvironment
{
    /// <summary>The variables Lambda sets itself; a function may not declare any of them.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <param name="function">The function being started.</param>
    /// <param name="runtimeApi">Host and port of its Runtime API.</param>
    /// <param name="taskRoot">Where its package is unpacked (Lambda's <c>/var/task</c>).</param>
    /// <param name="account">The region and the role credentials the function runs with.</param>
    /// <param name="services">Variables that point the AWS SDK at local servers (<c>AWS_ENDPOINT_URL_S3</c>, ...), none in AWS.</param>
    public static IReadOnlyDictionary<string, string> For(
        FunctionConfiguration function, string runtimeApi, string taskRoot, LocalAccount account, IReadOnlyDictionary<string, string> services)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(services);
        var reserved = function.Variables.Keys.Concat(services.Keys).Where(Reserved.Contains).ToList();
        if (reserved.Count > 0)
        {
            throw new ArgumentException($"{function.Name}: {string.Join(", ", reserved)} are reserved by Lambda and cannot be set", nameof(function));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_HANDLER"] = function.Handler,
            ["AWS_REGION"] = account.Region,
            ["AWS_DEFAULT_REGION"] = account.Region,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemoryMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.Name}",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}",
            ["AWS_ACCESS_KEY_ID"] = account.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = account.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = account.SessionToken,
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LAMBDA_RUNTIME_DIR"] = "/var/runtime",
            ["LANG"] = "en_US.UTF-8",
            ["PATH"] = "/usr/local/bin:/usr/bin/:/bin:/opt/bin",
            ["LD_LIBRARY_PATH"] = $"/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:{taskRoot}:{taskRoot}/lib:/opt/lib",
            ["TZ"] = ":UTC",
        };
        foreach (var (name, value) in function.Variables.Concat(services))
        {
            environment[name] = value;
        }

        return environment;
    }
}
