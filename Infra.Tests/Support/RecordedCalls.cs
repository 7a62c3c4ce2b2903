using System.Collections.Concurrent;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;

namespace Pipeline.Infra.Tests.Support;

/// <summary>One AWS request a function made: which function, the IAM action, and the bucket, key or table it named.</summary>
public sealed record RecordedCall(string FunctionId, string Action, string Bucket, string Key, string Table);

/// <summary>
/// AWS clients that record every request a function makes before passing it to the real client: what the functions
/// observably call, as opposed to what the catalog says they need.
/// </summary>
public sealed class RecordedCalls
{
    private readonly ConcurrentQueue<RecordedCall> calls = new();

    public IReadOnlyCollection<RecordedCall> All => calls;

    public IAmazonS3 S3(string functionId, IAmazonS3 target) => Recording<IAmazonS3>.Wrap(target, (method, request) => Record(functionId, "s3", method, request));

    public IAmazonDynamoDB DynamoDb(string functionId, IAmazonDynamoDB target) =>
        Recording<IAmazonDynamoDB>.Wrap(target, (method, request) => Record(functionId, "dynamodb", method, request));

    private void Record(string functionId, string service, MethodInfo method, object? request)
    {
        if (!method.Name.EndsWith("Async", StringComparison.Ordinal) || request is null)
        {
            return;
        }

        string Text(string property) => request.GetType().GetProperty(property)?.GetValue(request) as string ?? string.Empty;
        var action = $"{service}:{method.Name[..^"Async".Length]}";
        var table = request is BatchWriteItemRequest batch ? string.Join(",", batch.RequestItems.Keys) : Text("TableName");
        calls.Enqueue(new RecordedCall(functionId, action, Text("BucketName"), Text("Key"), table));
    }

    /// <summary>A proxy of <typeparamref name="T"/> that reports each call, then makes it on the real client.</summary>
    public class Recording<T> : DispatchProxy
        where T : class
    {
        private T target = null!;
        private Action<MethodInfo, object?> record = null!;

        public static T Wrap(T target, Action<MethodInfo, object?> record)
        {
            var proxy = Create<T, Recording<T>>();
            var recording = (Recording<T>)(object)proxy;
            recording.target = target;
            recording.record = record;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            record(targetMethod, args is { Length: > 0 } ? args[0] : null);
            try
            {
                return targetMethod.Invoke(target, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }
    }
}
