namespace Pipeline.Local.Engine;

/// <summary>RedriveExecution's <c>ExecutionNotRedrivable</c> error, with the reason DescribeExecution's redriveStatusReason gives.</summary>
public sealed class ExecutionNotRedrivableException(string executionName, string reason)
    : InvalidOperationException($"ExecutionNotRedrivable: execution {executionName} cannot be redriven: {reason}")
{
    public string Reason { get; } = reason;
}
