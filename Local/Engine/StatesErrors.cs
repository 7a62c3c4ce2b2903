namespace Pipeline.Local.Engine;

/// <summary>The error names Step Functions reports, as they appear in Retry/Catch ErrorEquals and in history.</summary>
public static class StatesErrors
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string Runtime = "States.Runtime";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";
}
