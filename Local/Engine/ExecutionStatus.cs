namespace Pipeline.Local.Engine;

public enum ExecutionStatus
{
    Succeeded,
    Failed,
    TimedOut,
}
