namespace Pipeline.Local.Engine;

public enum ExecutionStatus
{
    Succeeded,
    Failed,
    TimedOut,
}

public static class ExecutionStatusNames
{
    /// <summary>The status as the Step Functions API spells it (DescribeExecution, the ResultWriter's files, status-change events).</summary>
    public static string ApiName(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "FAILED",
    };
}
