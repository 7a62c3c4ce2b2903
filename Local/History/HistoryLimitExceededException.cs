namespace Pipeline.Local.History;

/// <summary>A Standard execution reached its history quota with an event other than its success: the execution fails.</summary>
internal sealed class HistoryLimitExceededException(int maxEvents)
    : Exception($"The execution reached the maximum number of events in its history ({maxEvents:N0}).");
