namespace Pipeline.Local.Engine;

/// <summary>A Standard execution reached its history quota with an event other than its success: the execution fails.</summary>
internal sealed class HistoryLimitExceededException()
    : Exception($"The execution reached the maximum number of events in its history ({ExecutionQuotas.HistoryEvents:N0}).");
