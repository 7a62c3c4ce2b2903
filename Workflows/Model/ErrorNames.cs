namespace Pipeline.Workflows.Model;

/// <summary>
/// The error names Step Functions predefines, as Retry and Catch match them and as executions and history report them:
/// one list for the model, the validator and the local engine.
/// </summary>
public static class ErrorNames
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Runtime = "States.Runtime";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";
}
