namespace Pipeline.Workflows;

/// <summary>Predefined ASL error names.</summary>
public static class ErrorNames
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
}
