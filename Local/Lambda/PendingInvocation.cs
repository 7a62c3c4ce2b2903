namespace Pipeline.Local.Lambda;

/// <summary>An event queued on a <see cref="RuntimeApiServer"/>, completed by the runtime's response or error.</summary>
internal sealed class PendingInvocation(string requestId, byte[] payload, DateTimeOffset deadline, string functionArn, string traceId)
{
    private readonly TaskCompletionSource<RuntimeAnswer> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource<DateTimeOffset> handedOut = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public DateTimeOffset Deadline { get; } = deadline;

    public string FunctionArn { get; } = functionArn;

    public string TraceId { get; } = traceId;

    public Task<RuntimeAnswer> Answer => answer.Task;

    /// <summary>When the runtime took the event.</summary>
    public Task<DateTimeOffset> Started => handedOut.Task;

    public void HandedOut() => handedOut.TrySetResult(DateTimeOffset.UtcNow);

    public void Complete(RuntimeAnswer runtimeAnswer) => answer.TrySetResult(runtimeAnswer);
}
